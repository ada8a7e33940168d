/** The exit codes are documented where a user looks: `ec-access --help`, each command's help, the README. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCRIPT_COMMANDS } from '../../src/cli/commands/registry.js';
import { help } from '../cli-commands/harness.js';
import { EXIT_CODES } from '../../src/cli/exit-codes.js';

async function helpOf(argv: string[]): Promise<string> {
  const { code, stdout } = await help(argv);
  expect(code).toBe(0);
  return stdout;
}

describe('exit codes', () => {
  it('are 0 to 4, each with its own meaning', () => {
    expect(EXIT_CODES.map(([code]) => code)).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(EXIT_CODES.map(([, , meaning]) => meaning)).size).toBe(EXIT_CODES.length);
  });

  it('ec-access --help lists every code with its meaning, after the examples', async () => {
    const help = await helpOf(['--help']);
    const section = help.slice(help.indexOf('\nExit codes:\n'));
    expect(help.indexOf('\nExamples:\n')).toBeLessThan(help.indexOf('\nExit codes:\n'));
    for (const [code, , meaning] of EXIT_CODES)
      expect(section).toMatch(new RegExp(`^ {2}${code} +${escape(meaning)}$`, 'm'));
    expect(section).toMatch(/4 +.*unknown even after re-reading/);
  });

  it.each(SCRIPT_COMMANDS.map((c) => [c.words.join(' ')]))('ec-access %s --help names every code', async (words) => {
    const help = await helpOf([...words.split(' '), '--help']);
    const line = help.split('\n').find((l) => l.startsWith('Exit codes: '));
    expect(line).toBeDefined();
    for (const [code, short] of EXIT_CODES) expect(line).toContain(`${code} ${short}`);
  });

  it('the README describes every code', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const sentence = /Exit codes \(also in `ec-access --help`\): (.*?)see \[docs\/reliability\.md\]/.exec(readme)?.[1];
    expect(sentence).toBeDefined();
    for (const [code] of EXIT_CODES) expect(sentence).toMatch(new RegExp(`(^|, )${code} \\w`));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
