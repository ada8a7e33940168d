/**
 * Progress across runs, end to end: a lesson left half done resumes on the next `ec-access tour` with the same
 * organization and the same starting point, and `ec-access tour --reset` starts over at lesson 1 on a fresh
 * organization, without the old one's changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { waitForList } from '../e2e/app-screen.js';
import type { PtyApp } from '../e2e/harness.js';
import {
  closePanel,
  filterList,
  launchTour,
  prose,
  readLessonPanel,
  savedProgress,
  startTourAt,
  freshTourState,
} from './learner.js';

const state = freshTourState();

const EMAIL = 'half.done@example.com';
const orgIdOn = (app: PtyApp) => /Acme Analytics \((\d+)\)/.exec(app.screen())?.[1];
const sandboxFile = () => join(state(), 'ec-access', 'tour-sandbox.json');

async function quit(app: PtyApp): Promise<string> {
  await app.press('q');
  expect(await app.exit()).toBe(0);
  return app.screen();
}

it('resumes a half-done lesson on the same organization; --reset starts over on a fresh one', async () => {
  const first = await startTourAt(state(), 2);
  await waitForList(first, 'Members');
  const orgId = orgIdOn(first);
  expect(orgId).toMatch(/^\d{12}$/);

  // Half of lesson 2: the invitation goes out, nobody accepts it (the plain-words line opens the same wizard).
  await first.press(':');
  await first.waitForText('Request in plain words');
  await first.type(`invite ${EMAIL} to search-staging as viewer`);
  await first.waitForText(`: invite ${EMAIL} to search-staging as viewer`);
  await first.press('enter');
  // Complete: the wizard opens on its review.
  await first.waitForText('nothing is sent until you press enter');
  await first.press('enter');
  await first.waitForText("a accept the invitation on the invitee's behalf");
  await first.press('esc');
  await waitForList(first, 'Members');
  const left = await quit(first);
  expect(left).toContain('Tour progress saved: 1 of 6 lessons done. `ec-access tour` resumes here.');
  expect(savedProgress(state())).toMatchObject({ current: 1, completed: ['who-has-access'] });

  // Next run: the same lesson, organization and starting point, so the pending invitation counts as progress.
  const again = await launchTour(state());
  await again.waitForText('TOUR 2/6');
  await waitForList(again, 'Members');
  expect(orgIdOn(again)).toBe(orgId);
  const panel = prose(await readLessonPanel(again, 2));
  expect(panel).toContain(`${EMAIL} is invited but has not accepted yet`);
  await closePanel(again);
  await filterList(again, 'half.done');
  await again.waitFor(
    (s) => /Members\[1\/\d+\]/.test(s) && s.includes(EMAIL),
    'the pending invitation in the filtered list',
  );
  await again.press('esc');
  await again.waitFor((s) => /Members\[\d+\]/.test(s), 'the filter cleared');
  await quit(again);
  expect(readFileSync(sandboxFile(), 'utf8')).toContain(EMAIL);

  // --reset: lesson 1 on a new organization, which knows nothing of the invitation.
  const fresh = await launchTour(state(), ['--reset']);
  await fresh.waitForText('TOUR 1/6');
  await waitForList(fresh, 'Members');
  const freshOrg = orgIdOn(fresh);
  expect(freshOrg).toMatch(/^\d{12}$/);
  expect(freshOrg).not.toBe(orgId);
  await filterList(fresh, 'half.done');
  await fresh.waitFor((s) => /Members\[0\/\d+\]/.test(s), 'an empty filtered list');
  await fresh.press('esc');
  await fresh.waitFor((s) => /Members\[\d+\]/.test(s), 'the filter cleared');
  const after = await quit(fresh);
  expect(after).toContain('tour progress and its sandbox organization were reset');
  expect(after).toContain('Tour progress saved: 0 of 6 lessons done.');
  expect(savedProgress(state())).toMatchObject({ current: 0, completed: [] });
  expect(existsSync(sandboxFile())).toBe(true);
  expect(readFileSync(sandboxFile(), 'utf8')).not.toContain(EMAIL);
});
