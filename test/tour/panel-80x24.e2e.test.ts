/**
 * The tour at 80x24 with NO_COLOR=1: a lesson panel, read to the end in both its short and its explained form,
 * never writes a line wider than the terminal, never a colour sequence, and shows all of its text in whole words
 * (every sentence of the lesson and its explanations is found intact, and no row is clipped with an ellipsis).
 */
import { describe, expect, it } from 'vitest';
import { explanationOf } from '../../src/domain/explanations.js';
import { ciKeyLesson } from '../../src/tour/lessons/04-ci-key.js';
import { panelRows, waitForList } from '../e2e/app-screen.js';
import type { PtyApp } from '../e2e/harness.js';
import { colourSequences } from '../e2e/sgr.js';
import {
  closePanel,
  openLessonPanel,
  prose,
  readLessonPanel,
  readOpenPanel,
  startTourAt,
  freshTourState,
} from './learner.js';

describe('colourSequences (the check below)', () => {
  it('finds foreground, background and extended colours, and ignores bold, dim, inverse and reset', () => {
    expect(colourSequences('\x1b[1m\x1b[2m\x1b[7m\x1b[0m\x1b[m\x1b[22;27m')).toEqual([]);
    expect(colourSequences('a\x1b[31mb\x1b[1;44mc\x1b[38;5;208md\x1b[48;2;1;2;3me\x1b[92mf\x1b[39m')).toEqual([
      '\x1b[31m',
      '\x1b[1;44m',
      '\x1b[38;5;208m',
      '\x1b[48;2;1;2;3m',
      '\x1b[92m',
      '\x1b[39m',
    ]);
  });
});

const state = freshTourState();

/** Every panel row is inside the frame: no wrapped continuation, borders where they belong, nothing clipped. */
function checkWindow(app: PtyApp) {
  return (screen: string) => {
    expect(app.wrappedRows()).toEqual([]);
    const framed = screen.split('\n').filter((l) => l.startsWith('│'));
    expect(framed.length).toBeGreaterThan(10);
    for (const l of framed) expect([...l].length === app.cols && l.endsWith('│'), `row not framed: "${l}"`).toBe(true);
    // A clipped row ends in an ellipsis; the lesson text must wrap instead.
    expect(panelRows(screen).filter((r) => r.endsWith('…'))).toEqual([]);
    // The lesson bar has two lines only: it may shorten the goal, but at a word, never inside one.
    const bar = screen.split('\n').filter((l) => /^ (TOUR \d\/\d|t lesson · T hide)/.test(l));
    expect(bar).toHaveLength(2);
    expect(bar.filter((l) => /\S…$/.test(l))).toEqual([]);
  };
}

it('lesson 4 panel at 80x24 with NO_COLOR: framed, colourless, every sentence whole; i shows whole explanations', async () => {
  const app = await startTourAt(state(), 4);
  expect(app.cols).toBe(80);
  expect(app.rows).toBe(24);
  await waitForList(app, 'Members');

  const short = prose(await readLessonPanel(app, 4, checkWindow(app)));
  for (const sentence of [
    ciKeyLesson.goal,
    ...ciKeyLesson.hints.map((h, i) => `${i + 1}. ${h}`),
    ...ciKeyLesson.concepts.map((id) => explanationOf(id).why),
  ]) {
    expect(short).toContain(sentence);
  }
  // The lines to copy are whole too: the endpoint is on a line of its own.
  expect(short).toMatch(/ES=http:\/\/127\.0\.0\.1:\d+\/_es\/[0-9a-f]{32} /);

  // Again from the top, with ctrl+o: the whole explanation of every concept instead of its one line.
  await closePanel(app);
  await openLessonPanel(app, 4);
  await app.press('ctrl+o');
  const explained = prose(await readOpenPanel(app, checkWindow(app)));
  expect(explained).toContain('Why it works this way:');
  for (const id of ciKeyLesson.concepts) {
    const e = explanationOf(id);
    expect(explained).toContain(e.title);
    for (const paragraph of e.body) expect(explained).toContain(paragraph);
  }

  expect(colourSequences(app.rawOutput())).toEqual([]);
});
