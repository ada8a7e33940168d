/**
 * The README may not drift from the app: its key table is the binding table, every command it shows is one the
 * command line accepts, and every screenshot it shows is one `npm run screenshots` makes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyTableMarkdown, readmeKeyTable } from '../../scripts/readme/key-table.js';
import { parseCommandLine } from '../../src/cli/args.js';
import { COMMANDS } from '../../src/cli/dispatch.js';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The README's section under `## title`, up to the next `## `. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start, `a "## ${title}" section`).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

const codeSpans = (text: string) => [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);

describe('README', () => {
  it('opens with the two commands: install and start, test', () => {
    const lines = readme.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '# ec-access',
      '',
      '```sh',
      'npm install && npm start    # install, build and start (on the built-in sandbox when no EC_API_KEY is set)',
      'npm test                    # run every test: unit, component, sandbox contract and end-to-end',
      '```',
    ]);
  });

  it('has the key table of src/ui/bindings.ts (regenerate it with npm run screenshots)', () => {
    expect(readmeKeyTable(readme)).toBe(keyTableMarkdown());
  });

  it('shows only commands the command line accepts', () => {
    const commands = [
      // `ec-access …` anywhere, after optional VAR=value settings; placeholders in [brackets] are usage, not a command.
      ...codeSpans(readme).flatMap((code) => {
        const m = /^(?:[A-Z_]+=\S+ )*ec-access(.*)$/.exec(code);
        return m && !m[1]!.includes('[') ? [m[1]!.trim()] : [];
      }),
      // The scripting section names commands without the program name.
      ...codeSpans(section('Scripting')).filter(
        (code) => /^[a-z]+( [a-z-]+)*( --|$)/.test(code) && !code.includes('.md'),
      ),
    ];
    expect(commands.length).toBeGreaterThan(8);
    for (const command of commands) {
      const argv = command.split(/\s+/).filter(Boolean);
      expect(() => parseCommandLine(argv, COMMANDS), `ec-access ${command}`).not.toThrow();
      const parsed = parseCommandLine(argv, COMMANDS);
      if (parsed.kind === 'run')
        expect(parsed.command.words.join(' '), `ec-access ${command}`).toBe(
          argv
            .filter((a) => !a.startsWith('-'))
            .slice(0, parsed.command.words.length)
            .join(' '),
        );
    }
  });

  it('shows the screenshots that npm run screenshots writes, all of them', () => {
    const shown = [...readme.matchAll(/!\[[^\]]*\]\((docs\/screenshots\/[^)]+)\)/g)].map((m) => m[1]!);
    const made = readdirSync(join(root, 'docs', 'screenshots'))
      .filter((f) => f.endsWith('.svg'))
      .map((f) => `docs/screenshots/${f}`);
    expect(shown.sort()).toEqual(made.sort());
    for (const file of shown)
      expect(readFileSync(join(root, file), 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('links only files that exist', () => {
    const links = [...readme.matchAll(/\]\(([^)#:]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(existsSync(join(root, link)), link).toBe(true);
  });
});
