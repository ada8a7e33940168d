/** The runner against a real sandbox: baselines, checks, moving on, and what it writes to tour.json. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { customOnlyMembers } from '../../src/tour/lessons/01-who-has-access.js';
import { LESSONS } from '../../src/tour/lessons/index.js';
import { FRESH, loadProgress } from '../../src/tour/progress.js';
import { lessonPanel } from '../../components/tour/LessonPanel.js';
import { createTourRunner } from '../../src/tour/runner.js';
import { sandboxIo } from '../../src/tour/sandbox-io.js';
import { loadTourState } from '../../src/tour/sandbox-state.js';

let dir: string;
let sandbox: RunningSandbox;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ec-access-runner-'));
  sandbox = await startSandbox({ seed: 3 });
});
afterEach(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('starts a lesson with a saved baseline, refuses to move on before a pass, then advances and saves', async () => {
  const file = join(dir, 'tour.json');
  const runner = createTourRunner(sandboxIo(sandbox, file), FRESH);
  await runner.begin();
  expect(loadProgress(file).baseline?.memberIds.length).toBeGreaterThan(0);

  expect((await runner.check('nobody@example.com'))?.passed).toBe(false);
  await runner.next();
  expect(runner.getView().progress.current).toBe(0);

  const answer = customOnlyMembers((await loadTourState(sandbox, 0)).snapshot)[0]!.email!;
  expect((await runner.check(answer))?.passed).toBe(true);
  await runner.next();
  const saved = loadProgress(file);
  expect(saved.current).toBe(1);
  expect(saved.completed).toEqual([LESSONS[0]!.id]);
  expect(saved.answer).toBeUndefined();
  expect(saved.baseline).toBeDefined();
  expect(runner.getView().lesson?.id).toBe('invite-viewer');
});

it('plants the leaked key when lesson 6 starts, with a deadline, and keeps its own request out of the lesson', async () => {
  const file = join(dir, 'tour.json');
  const runner = createTourRunner(sandboxIo(sandbox, file), {
    ...FRESH,
    current: LESSONS.findIndex((l) => l.id === 'leaked-key'),
  });
  await runner.begin();
  const { baseline } = runner.getView().progress;
  expect(baseline?.leakedKeyId).toMatch(/\w+/);
  expect(Date.parse(baseline!.deadline!) - Date.parse(baseline!.startedAt)).toBe(120_000);
  const result = await runner.check();
  expect(result?.passed).toBe(false);
  expect(runner.getView().state?.requests.filter((r) => r.method === 'POST')).toEqual([]);
});

it('opening the lesson panel starts the check at once for a lesson the tour checks itself, not for a question', async () => {
  const file = join(dir, 'tour.json');
  const invite = createTourRunner(sandboxIo(sandbox, file), { ...FRESH, current: 1 });
  await invite.begin();
  lessonPanel(invite);
  // Synchronously: the panel's first frame shows the check running, never a stale verdict.
  expect(invite.getView().checking).toBe(true);
  await expect.poll(() => invite.getView().result).toBeDefined();

  const question = createTourRunner(sandboxIo(sandbox, join(dir, 'q.json')), FRESH);
  await question.begin();
  lessonPanel(question);
  expect(question.getView().checking).toBe(false);
});

it('a check asked for while the lesson is still starting waits for its baseline instead of doing nothing', async () => {
  const runner = createTourRunner(sandboxIo(sandbox, join(dir, 'tour.json')), {
    ...FRESH,
    current: LESSONS.findIndex((l) => !l.question),
  });
  const begun = runner.begin();
  // Asked at once, as the panel does when it opens right after the tour starts.
  const result = await runner.check();
  expect(runner.getView().progress.baseline).toBeDefined();
  expect(result).toBeDefined();
  expect(runner.getView().result).toEqual(result);
  await begun;
});

it('a check asked for while one runs is not dropped: it runs after it and has the last word', async () => {
  const runner = createTourRunner(sandboxIo(sandbox, join(dir, 'tour.json')), FRESH);
  await runner.begin();
  const answer = customOnlyMembers((await loadTourState(sandbox, 0)).snapshot)[0]!.email!;
  const first = runner.check('nobody@example.com');
  const second = runner.check(answer);
  expect((await first)?.passed).toBe(false);
  expect((await second)?.passed).toBe(true);
  expect(runner.getView().result?.passed).toBe(true);
});
