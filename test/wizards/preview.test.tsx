/** The preview's text is exactly JSON.stringify(body, null, 2); colour is only added, and NO_COLOR drops it. */
import fc from 'fast-check';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { RequestPreview } from '../../components/RequestPreview.js';
import { jsonLines, requestLines } from '../../components/wizard/preview-lines.js';
import { cloudRequests } from '../../src/api/requests.js';
import { lineText } from '../../src/ui/lines.js';
import { createTheme, ThemeContext } from '../../src/ui/theme.js';

const request = cloudRequests.createApiKey({
  description: 'CI "ingest"',
  expiration: '30d',
  role_assignments: { organization: [{ role_id: 'organization-admin', organization_id: '1' }] },
});

describe('request preview', () => {
  it('property: the lines read back as the same JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const normalized = JSON.parse(JSON.stringify(value)) as unknown;
        expect(jsonLines(normalized).map(lineText).join('\n')).toBe(JSON.stringify(normalized, null, 2));
      }),
    );
  });

  it('starts with the method and the full URL, and tones keys, strings and numbers', () => {
    const lines = requestLines(request, 'https://api.example/api/v1/users/auth/keys');
    expect(lineText(lines[0]!)).toBe('POST https://api.example/api/v1/users/auth/keys');
    const tones = new Set(lines.flat().map((s) => s.tone));
    expect(tones).toEqual(new Set(['accent', 'success', undefined]));
  });

  it('with a width, breaks a long URL after slashes onto indented lines, every character kept', () => {
    const url = 'http://127.0.0.1:40179/_es/3f6a2d9fb2460a72baf8909f91a4b9a4/_security/role/marketing-readonly';
    const lines = requestLines(request, url, 60).slice(0, 3).map(lineText);
    expect(lines[0]).toBe('POST http://127.0.0.1:40179/_es/');
    expect(lines[1]).toBe('    3f6a2d9fb2460a72baf8909f91a4b9a4/_security/role/');
    expect(lines[2]).toBe('    marketing-readonly');
    expect(lines.map((l, i) => (i === 0 ? l.slice('POST '.length) : l.trimStart())).join('')).toBe(url);
    // Short enough: one line, as before.
    expect(lineText(requestLines(request, 'https://api.example/keys', 60)[0]!)).toBe('POST https://api.example/keys');
  });

  it('colours with a colour theme and prints plain text under NO_COLOR', () => {
    const show = (color: boolean) =>
      render(
        <ThemeContext.Provider value={createTheme({ color, unicode: true })}>
          <Text>{''}</Text>
          <RequestPreview request={request} url="https://api.example/api/v1/users/auth/keys" width={80} height={20} />
        </ThemeContext.Provider>,
      ).lastFrame() ?? '';
    // eslint-disable-next-line no-control-regex -- the escape character is what this test looks for
    const ansi = /\x1b\[[0-9;]*m/;
    expect(show(false)).not.toMatch(ansi);
    expect(show(false)).toContain('"description": "CI \\"ingest\\""');
  });
});
