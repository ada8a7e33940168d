import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importCommand } from '../../src/cli/command-spec.js';
import { COMMANDS, runCli, type CliIo, type CommandContext, type CommandLoader } from '../../src/cli/dispatch.js';
import type { AppConfig } from '../../src/config/config.js';

// The commands the dispatcher imports, replaced: each test says what its command does.
const fake = vi.hoisted(() => ({
  runTui: vi.fn<(config: AppConfig, opts: unknown) => Promise<number>>(),
  runSandboxCommand: vi.fn<(argv: string[]) => Promise<number>>(),
  runDoctor: vi.fn<(ctx: CommandContext) => Promise<number>>(),
}));
vi.mock('../../src/cli/commands/tui.js', () => ({ runTui: fake.runTui }));
vi.mock('../../src/cli/commands/sandbox.js', () => ({ runSandboxCommand: fake.runSandboxCommand }));
vi.mock('../../src/cli/commands/doctor.js', () => ({ runDoctor: fake.runDoctor }));
const load: CommandLoader = (importer) => importer();

let cwd: string;
let out: string;
let err: string;

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ec-access-cli-'));
  out = '';
  err = '';
});

afterEach(() => {
  rmSync(cwd, { recursive: true, force: true });
});

function io(overrides: Partial<CliIo> = {}): CliIo {
  return {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    stdinIsTty: true,
    stdoutIsTty: true,
    env: {},
    cwd,
    ...overrides,
  };
}

const nothingLoads: CommandLoader = () => Promise.resolve(undefined);

describe('runCli', () => {
  it('opens the TUI on members by default, and on the named screen with a filter', async () => {
    const calls: Array<[AppConfig, unknown]> = [];
    fake.runTui.mockImplementation((config, opts) => {
      calls.push([config, opts]);
      return Promise.resolve(0);
    });
    expect(await runCli([], io(), { load })).toBe(0);
    expect(await runCli(['keys', '--filter', 'ci'], io(), { load })).toBe(0);
    expect(calls.map(([, opts]) => opts)).toEqual([{ screen: 'members' }, { screen: 'keys', filter: 'ci' }]);
    expect(calls[0]?.[0].mode).toBe('sandbox');
  });

  it('refuses to start the TUI without a terminal, before loading anything', async () => {
    const load: CommandLoader = () => Promise.reject(new Error('should not load'));
    expect(await runCli(['projects'], io({ stdinIsTty: false }), { load })).toBe(2);
    expect(err).toMatch(/needs a terminal/);
    expect(err).toMatch(/--help/);
  });

  it('reports a command whose module is missing from the build', async () => {
    for (const command of [['doctor'], ['tour'], ['audit'], ['sandbox', '--port', '0'], ['roles']]) {
      err = '';
      expect(await runCli(command, io(), { load: nothingLoads })).toBe(1);
      expect(err).toBe(`ec-access: ${command[0]} is not available in this build\n`);
    }
  });

  it('passes the sandbox its own arguments untouched', async () => {
    let received: string[] = [];
    fake.runSandboxCommand.mockImplementation((argv) => {
      received = argv;
      return Promise.resolve(0);
    });
    expect(await runCli(['sandbox', '--port', '0', '--scale', 'large'], io(), { load })).toBe(0);
    expect(received).toEqual(['--port', '0', '--scale', 'large']);
  });

  it('usage errors exit 2 with a pointer to --help', async () => {
    expect(await runCli(['--frobnicate'], io(), { load: nothingLoads })).toBe(2);
    expect(err).toBe("ec-access: unknown option --frobnicate\nRun 'ec-access --help' for usage.\n");
  });

  it('configuration errors exit 1 with their explanation', async () => {
    expect(await runCli(['--no-sandbox'], io(), { load: nothingLoads })).toBe(1);
    expect(err).toMatch(/No Elastic Cloud API key is configured/);
    expect(err).toMatch(/EC_API_KEY=/);
  });

  it('an API failure shows its message and hint, never a key', async () => {
    const key = 'essu_abcdefghijklmnopqrstuvwxyz';
    fake.runDoctor.mockImplementation(() =>
      Promise.reject(
        Object.assign(new Error(`rejected ApiKey ${key}`), { name: 'ApiError', hint: 'create a new key' }),
      ),
    );
    expect(await runCli(['doctor'], io({ env: { EC_API_KEY: key } }), { load })).toBe(1);
    expect(err).toBe('ec-access: rejected ApiKey [redacted]\n  create a new key\n');
  });

  it('prints configuration warnings before running', async () => {
    fake.runDoctor.mockImplementation((ctx) => {
      ctx.loadConfig();
      return Promise.resolve(0);
    });
    expect(
      await runCli(['doctor'], io({ env: { EC_API_KEY: 'k', EC_BASE_URL: 'http://cloud.example' } }), { load }),
    ).toBe(0);
    expect(err).toMatch(/^ec-access: warning: EC_BASE_URL uses plain http/);
  });

  it('--help lists every visible command and the environment; --version prints the version', async () => {
    expect(await runCli(['--help'], io(), { load: nothingLoads })).toBe(0);
    for (const command of COMMANDS.filter((c) => !c.hidden)) expect(out).toContain(command.usage);
    for (const name of [
      'EC_API_KEY',
      'EC_BASE_URL',
      'ELASTICSEARCH_URL',
      'ELASTICSEARCH_API_KEY',
      '--no-sandbox',
      'Examples:',
    ]) {
      expect(out).toContain(name);
    }
    out = '';
    expect(await runCli(['--version'], io(), { load: nothingLoads })).toBe(0);
    expect(out).toMatch(/^ec-access \d+\.\d+\.\d+\n$/);
  });
});

describe('command help', () => {
  it("`<command> --help` prints that command's help when it has one", async () => {
    const commands = [
      ...COMMANDS,
      {
        words: ['keys', 'frobnicate'],
        usage: 'keys frobnicate',
        summary: 's',
        group: 'command' as const,
        help: () => 'frobnicate help\n',
        run: () => Promise.resolve(0),
      },
    ];
    expect(await runCli(['keys', 'frobnicate', '--help'], io(), { commands, load: nothingLoads })).toBe(0);
    expect(out).toBe('frobnicate help\n');
    out = '';
    expect(await runCli(['keys', '--help'], io(), { commands, load: nothingLoads })).toBe(0);
    expect(out).toMatch(/^ec-access \d/); // no help of its own: the general help
  });
});

describe('importCommand', () => {
  it('answers undefined for a command module that is not in the build', async () => {
    const missing = Object.assign(new Error("Cannot find module '/app/dist/app/cli/commands/gone.js'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    expect(await importCommand(() => Promise.reject(missing))).toBeUndefined();
  });

  it('passes on any other failure, and a module that loads', async () => {
    const broken = Object.assign(new Error("Cannot find package 'ink'"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(importCommand(() => Promise.reject(broken))).rejects.toBe(broken);
    expect(await importCommand(() => import('../../src/cli/exit-codes.js'))).toHaveProperty('EXIT_OK', 0);
  });
});
