/** The lesson panel's text: the verdict before the steps, the steps gone once passed, everything within the width. */
import { describe, expect, it } from 'vitest';
import { lessonPanelLines, type PanelInput } from '../../components/tour/lesson-lines.js';
import { LESSONS } from '../../src/tour/lessons/index.js';
import { FRESH } from '../../src/tour/progress.js';
import type { TourView } from '../../src/tour/runner.js';
import { lineText } from '../../src/ui/lines.js';
import { createTheme } from '../../src/ui/theme.js';
import { orgWith } from '../fixtures/org.js';

const WIDTH = 76;
const lesson = LESSONS[1]!;
const view = (change: Partial<TourView>): TourView => ({
  progress: { ...FRESH, current: 1 },
  lesson,
  barVisible: true,
  checking: false,
  ...change,
});
const text = (change: Partial<TourView>, explain = false) => {
  const input: PanelInput = {
    view: view(change),
    answer: '',
    width: WIDTH,
    symbols: createTheme({ color: false, unicode: true }).symbols,
    explain,
    now: new Date(),
  };
  return lessonPanelLines(input).map(lineText);
};

describe('lesson panel lines', () => {
  it('puts a failed verdict before the steps, and keeps every line within the width', () => {
    const lines = text({
      result: {
        passed: false,
        summary: 'new.viewer@example.com is invited but has not accepted yet',
        details: ['Accept it for them.'],
      },
    });
    const verdict = lines.findIndex((l) => l.startsWith('✗ new.viewer@example.com is invited'));
    expect(verdict).toBeGreaterThan(0);
    expect(verdict).toBeLessThan(lines.indexOf('How:'));
    expect(lines.some((l) => l.includes(`1. ${lesson.hints[0]}`))).toBe(true);
    expect(lines.filter((l) => l.length > WIDTH)).toEqual([]);
  });

  it('drops the steps once passed and lists the requests the sandbox received, wrapped to the width', () => {
    const body = JSON.stringify({
      emails: ['new.viewer@example.com'],
      role_assignments: {
        project: {
          elasticsearch: [
            {
              role_id: 'elasticsearch-viewer',
              organization_id: '123456789012',
              all: false,
              project_ids: ['0ff0413c82122143abcce5a0d13ef3c0'],
            },
          ],
        },
      },
    });
    const requests = [
      {
        seq: 9,
        at: '2026-01-01T00:00:00Z',
        method: 'POST',
        url: '/api/v1/organizations/123456789012/invitations',
        contentType: 'application/json',
        userAgent: null,
        keyId: 'k',
        body,
        redacted: false,
        status: 201,
      },
    ];
    const lines = text({
      result: {
        passed: true,
        summary: 'new.viewer@example.com joined with elasticsearch-viewer on 1 project(s)',
        details: [],
      },
      state: { snapshot: orgWith().build(), roles: new Map(), requests },
    });
    expect(lines).not.toContain('How:');
    const at = lines.indexOf('Requests the sandbox received for this:');
    expect(at).toBeGreaterThan(0);
    expect(
      lines
        .slice(at + 1)
        .map((l) => l.trim())
        .join(''),
    ).toContain(`POST /api/v1/organizations/123456789012/invitations → 201${body}`);
    expect(lines.filter((l) => l.length > WIDTH)).toEqual([]);
  });

  it('says a first check is running in the text, and keeps the last verdict in place while it re-checks', () => {
    expect(text({ checking: true })).toContain('Checking the sandbox…');
    const result = { passed: false, summary: 'nobody has accepted yet', details: [] };
    const settled = text({ result });
    expect(text({ result, checking: true })).toEqual(settled);
  });

  it("with explain, shows each concept's whole text instead of its one line", () => {
    const short = text({}).join(' ');
    const long = text({}, true).join(' ');
    expect(short).toContain('Why (ctrl+o for the whole explanation):');
    expect(long).toContain('Why it works this way:');
    expect(long.length).toBeGreaterThan(short.length);
  });
});
