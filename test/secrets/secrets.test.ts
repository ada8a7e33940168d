import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  maskSecret,
  osc52Copy,
  SecretFileError,
  suggestedSecretFileName,
  writeSecretFile,
} from '../../src/secrets/index.js';

const KEY = 'essu_VGhpcyBpcyBhIHNlY3JldCBrZXkgdmFsdWUgMTIz3f9a';

describe('maskSecret', () => {
  it('shows the well-known prefix and the last four characters', () => {
    expect(maskSecret(KEY)).toBe('essu_••••••••••••3f9a');
    expect(maskSecret('abcdefghijklmnopqrstuvwxyz')).toBe('••••••••••••wxyz');
  });

  it('shows no tail of a short secret, and the same number of dots whatever the length', () => {
    expect(maskSecret('essu_short')).toBe('essu_••••••••••••');
    expect(maskSecret('')).toBe('••••••••••••');
  });

  it('never shows more than a known prefix plus the last four characters', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `essu_${s}`),
        ),
        (value) => {
          const masked = maskSecret(value);
          const match = /^(essu_)?•{12}(.*)$/su.exec(masked);
          expect(match).not.toBeNull();
          const [, prefix = '', tail = ''] = match!;
          expect(value.startsWith(prefix)).toBe(true);
          expect(tail.length).toBeLessThanOrEqual(4);
          expect(value.endsWith(tail)).toBe(true);
          if (tail !== '') expect(value.length - prefix.length).toBeGreaterThanOrEqual(16);
        },
      ),
    );
  });
});

describe('osc52Copy', () => {
  const b64 = Buffer.from('essu_abc', 'utf8').toString('base64');

  it('is the plain OSC 52 clipboard sequence outside a multiplexer', () => {
    expect(osc52Copy('essu_abc', {})).toBe(`\x1b]52;c;${b64}\x07`);
  });

  it('wraps for tmux passthrough, doubling the inner escapes', () => {
    expect(osc52Copy('essu_abc', { TMUX: '/tmp/tmux-1000/default,1,0' })).toBe(
      `\x1bPtmux;\x1b\x1b]52;c;${b64}\x07\x1b\\`,
    );
  });

  it('splits into DCS chunks for GNU screen', () => {
    const value = 'x'.repeat(120);
    const sequence = `\x1b]52;c;${Buffer.from(value).toString('base64')}\x07`;
    const out = osc52Copy(value, { STY: '1234.pts-0.host' });
    const chunks = out.split('\x1b\\').filter((c) => c !== '');
    expect(chunks.every((c) => c.startsWith('\x1bP') && c.length <= 78)).toBe(true);
    expect(chunks.map((c) => c.slice(2)).join('')).toBe(sequence);
  });
});

describe('writeSecretFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ec-access-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the value exactly, owner-only', () => {
    const { path } = writeSecretFile({ dir, fileName: 'key.txt', value: KEY });
    expect(path).toBe(join(dir, 'key.txt'));
    expect(readFileSync(path, 'utf8')).toBe(KEY);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('expands ~ against the home directory', () => {
    mkdirSync(join(dir, 'keys'));
    expect(writeSecretFile({ dir: '~/keys', fileName: 'k.txt', value: KEY }, dir).path).toBe(
      join(dir, 'keys', 'k.txt'),
    );
  });

  it('refuses to overwrite, leaving the existing file alone, and never echoes the value', () => {
    writeFileSync(join(dir, 'key.txt'), 'the only copy of another key');
    const attempt = () => writeSecretFile({ dir, fileName: 'key.txt', value: KEY });
    expect(attempt).toThrow(SecretFileError);
    expect(attempt).toThrow(/already exists; ec-access never overwrites a file/);
    expect(readFileSync(join(dir, 'key.txt'), 'utf8')).toBe('the only copy of another key');
  });

  it('checks the directory and the file name, without the value in any message', () => {
    writeFileSync(join(dir, 'plain'), '');
    const failures = [
      () => writeSecretFile({ dir: join(dir, 'missing'), fileName: 'k.txt', value: KEY }),
      () => writeSecretFile({ dir: join(dir, 'plain'), fileName: 'k.txt', value: KEY }),
      () => writeSecretFile({ dir, fileName: '../k.txt', value: KEY }),
      () => writeSecretFile({ dir, fileName: '', value: KEY }),
    ];
    const messages = failures.map((attempt) => {
      try {
        attempt();
      } catch (error) {
        if (error instanceof SecretFileError) return error.message;
        throw new Error('expected a SecretFileError', { cause: error });
      }
      throw new Error('expected a failure');
    });
    expect(messages[0]).toMatch(/does not exist/);
    expect(messages[1]).toMatch(/is not a directory/);
    expect(messages[2]).toMatch(/not a plain file name/);
    for (const message of messages) expect(message).not.toContain(KEY);
  });
});

describe('suggestedSecretFileName', () => {
  it('slugs the description and dates the file', () => {
    expect(suggestedSecretFileName('CI deploy (prod)', new Date(2026, 2, 1))).toBe(
      'ec-access-key-ci-deploy-prod-20260301.txt',
    );
    expect(suggestedSecretFileName('  ✨  ', new Date(2026, 11, 31))).toBe('ec-access-key-20261231.txt');
    expect(suggestedSecretFileName('Café Überwachung', new Date(2026, 0, 5))).toBe(
      'ec-access-key-cafe-uberwachung-20260105.txt',
    );
  });
});
