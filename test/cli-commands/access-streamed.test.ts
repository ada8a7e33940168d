/**
 * `ec-access access` writes its export in pieces while serializing it (src/cli/commands/shared/output.ts). On a
 * seeded organization with hostile and multi-byte text, the pieces joined are byte for byte the whole-document
 * form it printed before (one JSON.stringify, escaped, cleaned), CSV included; and a reader that leaves early ends
 * the command quietly with exit 0.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/dispatch.js';
import { parseAccessExport, renderExport } from '../../src/domain/review/index.js';
import { inertLines, inertStringify } from '../../src/util/inert-text.js';
import { makeKey } from '../sandbox/helpers.js';
import { COMMANDS, loadFromSource, startHarness, type Harness } from './harness.js';

// A terminal-driving escape, bidi overrides, a C1 control, a line separator, astral and CJK characters.
const HOSTILE = 'ops \u001b]52;c;ZXZpbA==\u0007 \u202egnp.exe\u202c \u0085 😀 日本語 \u2028 end\r\n';

const RAW = ['\u001b', '\u0007', '\u202e', '\u0085', '\u2028'];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // Key descriptions are server text: made visible where they enter (inertText), multi-byte text kept.
  for (let i = 0; i < 3; i++)
    await makeKey(
      h.sandbox,
      {
        project: {
          elasticsearch: [{ role_id: 'elasticsearch-viewer', all: true, application_roles: [`role-${i}`] }],
        },
      },
      `${HOSTILE} #${i}`,
    );
});
afterAll(async () => {
  await h.stop();
});

/** The command through the dispatcher, with a stdout that takes pieces and can stop taking them. */
async function streamed(argv: string[], stopAfter = Infinity) {
  const pieces: string[] = [];
  let stderr = '';
  const io: CliIo = {
    stdout: () => {
      throw new Error('the export goes through stdoutPieces');
    },
    stdoutPieces: async (chunks) => {
      for (const chunk of chunks) {
        if (pieces.length >= stopAfter) return 'reader-gone';
        pieces.push(chunk);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return 'written';
    },
    stderr: (t) => void (stderr += t),
    stdin: Readable.from([]),
    stdinIsTty: false,
    stdoutIsTty: false,
    env: {
      HOME: h.dir,
      XDG_STATE_HOME: `${h.dir}/state`,
      EC_BASE_URL: h.sandbox.baseUrl,
      EC_API_KEY: h.sandbox.ownerKey,
    },
    cwd: h.dir,
  };
  const code = await runCli(argv, io, { commands: COMMANDS, load: loadFromSource });
  return { code, pieces, stdout: pieces.join(''), stderr };
}

it('JSON in pieces is the whole-document form, hostile text escaped and multi-byte text intact', async () => {
  const json = await streamed(['access', '--format', 'json']);
  expect(json.code, json.stderr).toBe(0);
  // The same document printed the way it was before: one string, escaped, then cleaned line by line.
  const whole = inertLines(`${inertStringify(JSON.parse(json.stdout), 2)}\n`);
  expect(json.stdout).toBe(whole);
  expect(json.pieces.length).toBeGreaterThan(5);
  const doc = parseAccessExport(json.stdout, 'stdout');
  const visible = 'ops \\x1b]52;c;ZXZpbA==\\x07 <U+202E>gnp.exe<U+202C> \\x85 😀 日本語 <U+2028> end\\x0d\\x0a #0';
  expect(doc.principals.map((p) => p.identity)).toContain(visible);
  expect(doc.grants.filter((g) => g.principal.identity === visible).length).toBeGreaterThan(1);
  for (const raw of RAW) expect(json.stdout).not.toContain(raw);

  const csv = await streamed(['access', '--format', 'csv']);
  expect(csv.code, csv.stderr).toBe(0);
  expect(csv.stdout).toBe(inertLines(renderExport(doc, 'csv')));
  expect(csv.stdout).toContain('😀 日本語 <U+2028> end\\x0d\\x0a #0');
  for (const raw of RAW) expect(csv.stdout).not.toContain(raw);
});

it('a reader that leaves early ends the command quietly, exit 0', async () => {
  const run = await streamed(['access', '--format', 'json'], 2);
  expect(run.code).toBe(0);
  expect(run.pieces).toHaveLength(2);
  expect(run.stderr).toBe('');
});
