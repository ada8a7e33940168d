/** The help overlay ends with what the command line understands, without disturbing the binding rows. */
import { expect, it } from 'vitest';
import { INTENT_GRAMMAR } from '../../src/domain/intent/index.js';
import { BINDINGS } from '../../src/ui/bindings.js';
import { helpLines } from '../../src/ui/help.js';
import { lineText } from '../../src/ui/lines.js';

it.each([true, false])('lists every request form (unicode %s)', (unicode) => {
  const text = helpLines(unicode).map(lineText);
  expect(text).toContain('Requests in plain words (:)');
  for (const form of INTENT_GRAMMAR) expect(text).toContain(`${unicode ? '•' : '*'} ${form}`);
  expect(text.filter((l) => l.startsWith('  '))).toHaveLength(BINDINGS.length);
});

it('documents the three access keys', () => {
  const text = helpLines(true).map(lineText).join('\n');
  expect(text).toMatch(/A {17}Effective access matrix/);
  expect(text).toMatch(/D {17}Access doctor/);
  expect(text).toMatch(/: {17}Ask in plain words/);
});
