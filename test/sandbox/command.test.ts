import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSandboxArgs, runSandboxCommand } from '../../src/cli/commands/sandbox.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const controller = new AbortController();
  return {
    out,
    err,
    controller,
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), stop: controller.signal },
  };
}

describe('ec-access sandbox', () => {
  it('prints EC_BASE_URL, EC_API_KEY, the viewer key and how to speak to it on their own lines, serves, and stops cleanly', async () => {
    const t = io();
    const running = runSandboxCommand(['--seed', '3', '--port', '0'], t.io);
    await expect.poll(() => t.out.join('')).toMatch(/EC_API_KEY_VIEWER=/);
    const lines = t.out.join('').trim().split('\n');
    expect(lines.map((l) => l.split('=')[0])).toEqual(['EC_BASE_URL', 'EC_API_KEY', 'EC_API_KEY_VIEWER', 'EC_HTTP2']);
    const env = Object.fromEntries(
      lines.map((l): [string, string] => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(env.EC_HTTP2).toBe('h2c');
    const answer = await fetch(`${env.EC_BASE_URL}/api/v1/organizations`, {
      headers: { authorization: `ApiKey ${env.EC_API_KEY}` },
    });
    expect(answer.status).toBe(200);
    t.controller.abort();
    expect(await running).toBe(0);
  });

  it('exits non-zero with a clear message on a corrupt state file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ec-access-cmd-')), 'state.json');
    writeFileSync(file, 'not json');
    const t = io();
    expect(await runSandboxCommand(['--state', file], t.io)).toBe(1);
    expect(t.err.join('')).toContain('not valid JSON');
    expect(t.out.join('')).toBe('');
  });

  it.each([['--scale', 'huge'], ['--port', 'x'], ['--bogus'], ['extra']])(
    'refuses %s with usage (exit 2)',
    async (...argv) => {
      const t = io();
      expect(await runSandboxCommand(argv, t.io)).toBe(2);
      expect(t.err.join('')).toContain('usage: ec-access sandbox');
    },
  );

  it('parses every flag', () => {
    expect(
      parseSandboxArgs([
        '--port',
        '8080',
        '--state',
        's.json',
        '--scale',
        'large',
        '--latency',
        '50',
        '--seed',
        '9',
        '--strict',
      ]),
    ).toEqual({
      port: 8080,
      stateFile: 's.json',
      scale: 'large',
      latencyMs: 50,
      seed: 9,
      strict: true,
    });
  });
});
