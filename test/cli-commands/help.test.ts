import { describe, expect, it } from 'vitest';
import { SCRIPT_COMMANDS } from '../../src/cli/commands/registry.js';
import { runCli, type CommandLoader } from '../../src/cli/dispatch.js';
import { help } from './harness.js';

describe('--help', () => {
  it.each(SCRIPT_COMMANDS.map((c) => [c.words.join(' ')]))(
    '%s --help: usage, flags, examples, JSON and exit codes',
    async (words) => {
      const { code, stdout } = await help([...words.split(' '), '--help']);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: ec-access ${words}`));
      for (const section of ['Flags:', 'Examples:', 'JSON output', 'Exit codes: 0 ok'])
        expect(stdout).toContain(section);
    },
  );

  it('documents --dry-run on every write and --yes on every destructive command', () => {
    const flags = (words: string) => SCRIPT_COMMANDS.find((c) => c.words.join(' ') === words)!.flags.map((f) => f.name);
    for (const w of ['members invite', 'roles assign', 'roles assign-custom', 'roles create', 'keys create'])
      expect(flags(w)).toContain('dry-run');
    for (const w of [
      'members remove',
      'invitations cancel',
      'keys revoke',
      'roles delete',
      'roles unassign',
      'roles unassign-custom',
    ]) {
      expect(flags(w)).toEqual(expect.arrayContaining(['dry-run', 'yes']));
    }
  });
});

describe('routing in the real command table', () => {
  it('`members` alone opens the TUI; `members list` runs the command', async () => {
    const { COMMANDS: REAL } = await import('../../src/cli/dispatch.js');
    const loaded: string[] = [];
    // Which module each line imports (the export it then calls is checked by the compiler); none is loaded.
    const load: CommandLoader = (importer) => {
      loaded.push(/commands\/([\w-]+)\.[jt]s/.exec(String(importer))?.[1] ?? String(importer));
      return Promise.resolve(undefined);
    };
    const io = { stdout: () => {}, stderr: () => {}, stdinIsTty: true, stdoutIsTty: true, env: {}, cwd: '/' };
    expect(await runCli(['members'], io, { commands: REAL, load })).toBe(1);
    expect(await runCli(['members', 'list'], io, { commands: REAL, load })).toBe(1);
    expect(await runCli(['keys', 'revoke', '--ids', 'a', '--yes'], io, { commands: REAL, load })).toBe(1);
    expect(await runCli(['doctor', '--json'], io, { commands: REAL, load })).toBe(1);
    expect(loaded).toEqual(['tui', 'inventory', 'changes', 'doctor']);
  });
});
