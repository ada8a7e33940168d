import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError, type CommandShape } from '../../src/cli/args.js';

const commands: CommandShape[] = [
  { words: [] },
  { words: ['keys'] },
  { words: ['keys', 'revoke'], takesArgs: true, options: { yes: { type: 'boolean' } } },
  { words: ['sandbox'], passThrough: true },
];

const run = (argv: string[]) => {
  const line = parseCommandLine(argv, commands);
  if (line.kind !== 'run') throw new Error(`expected a command, got ${line.kind}`);
  return line;
};

describe('parseCommandLine', () => {
  it('no words is the default command', () => {
    expect(run([]).command.words).toEqual([]);
  });

  it('finds the longest matching command and its arguments', () => {
    const line = run(['keys', 'revoke', 'k1', 'k2', '--yes']);
    expect(line.command.words).toEqual(['keys', 'revoke']);
    expect(line.args).toEqual(['k1', 'k2']);
    expect(line.values.yes).toBe(true);
  });

  it('parses the global flags', () => {
    const line = run([
      'keys',
      '--filter',
      'ci',
      '--org',
      '42',
      '--base-url',
      'https://x',
      '--env-file',
      'a.env',
      '--no-sandbox',
    ]);
    expect(line.flags).toEqual({
      help: false,
      version: false,
      filter: 'ci',
      org: '42',
      baseUrl: 'https://x',
      envFile: 'a.env',
      sandbox: false,
    });
    expect(run(['--sandbox']).flags.sandbox).toBe(true);
  });

  it('help and version win over everything else', () => {
    expect(parseCommandLine(['keys', '--help'], commands)).toEqual({ kind: 'help', command: commands[1] });
    expect(parseCommandLine(['--help'], commands)).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-h'], commands)).toEqual({ kind: 'help' });
    expect(parseCommandLine(['nonsense', '--help'], commands)).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-v'], commands)).toEqual({ kind: 'version' });
  });

  it('hands everything after a pass-through command over unparsed', () => {
    const line = run(['--org', '1', 'sandbox', '--port', '0', '--help']);
    expect(line.command.words).toEqual(['sandbox']);
    expect(line.args).toEqual(['--port', '0', '--help']);
    expect(line.flags.org).toBe('1');
  });

  it('rejects what it does not know, with a clear message', () => {
    expect(() => run(['--bogus'])).toThrow(new UsageError('unknown option --bogus'));
    expect(() => run(['keys', '--yes'])).toThrow(/unknown option --yes/); // a flag of another command
    expect(() => run(['frobnicate'])).toThrow(/unknown command 'frobnicate'/);
    expect(() => run(['keys', 'extra'])).toThrow(/unexpected argument 'extra'/);
    expect(() => run(['--org'])).toThrow(/--org needs a value/);
    expect(() => run(['--sandbox', '--no-sandbox'])).toThrow(/contradict/);
  });
});
