/** Fitting machine text and prose into a width: nothing lost, nothing wider than asked, words kept whole. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitWords, wrapWords } from '../../components/explain/wrap.js';
import { breakAfter } from '../../src/ui/break-after.js';
import type { LoggedRequest } from '../../src/sandbox/request-log.js';
import { requestLines } from '../../src/tour/requests.js';

describe('breakAfter', () => {
  it('property: the pieces join back to the text and none is wider than the width', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 8, max: 90 }), (text, width) => {
        const lines = breakAfter(text, width, ',/');
        expect(lines.join('')).toBe(text);
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('breaks after the given characters when it can', () => {
    expect(breakAfter('{"a":1,"bb":22,"ccc":333}', 12, ',')).toEqual(['{"a":1,', '"bb":22,', '"ccc":333}']);
  });
});

describe('fitWords', () => {
  it('keeps short text, and cuts long text after a whole word with the ellipsis', () => {
    expect(fitWords('fits fine', 20, '…')).toBe('fits fine');
    expect(fitWords('Keys never inherit stack roles from role_id', 24, '…')).toBe('Keys never inherit …');
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 20 }),
        fc.integer({ min: 12, max: 60 }),
        (words, width) => {
          const text = words.join(' ');
          const fitted = fitWords(text, width, '…');
          expect(fitted.length).toBeLessThanOrEqual(width);
          const kept = fitted.replace(/ …$/, '').split(' ').filter(Boolean);
          expect(kept).toEqual(words.slice(0, kept.length));
        },
      ),
    );
  });

  it('wrapWords keeps every word of prose whole when words fit the width', () => {
    const text = 'A custom role must be created in every project where it should work; elsewhere it grants nothing.';
    expect(wrapWords(text, 30).join(' ')).toBe(text);
  });
});

describe("the tour's request lines", () => {
  it('fit the width and read back as the logged URL and body', () => {
    const body = JSON.stringify({
      project: {
        elasticsearch: [
          {
            role_id: 'elasticsearch-viewer',
            organization_id: '930485942301',
            all: false,
            project_ids: ['2528d792e208526b66d562e084fdfa58'],
            application_roles: ['marketing-readonly'],
          },
        ],
      },
    });
    const url = '/_es/2528d792e208526b66d562e084fdfa58/_security/role/marketing-readonly';
    const logged: LoggedRequest = {
      seq: 1,
      at: '2026-01-01T00:00:00Z',
      method: 'PUT',
      url,
      contentType: 'application/json',
      userAgent: null,
      keyId: 'k',
      body,
      redacted: false,
      status: 200,
    };
    const lines = requestLines([logged], 74);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(74);
    const text = lines.map((l) => l.trimStart()).join('');
    expect(text).toBe(`PUT ${url} → 200${body}`);
  });
});
