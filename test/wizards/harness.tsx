/**
 * The whole app against the real sandbox, in-process (test/support/sandbox-app.tsx), as the wizard tests read it:
 * a tall terminal, so a wizard and its plan fit, and the frame as prose, list pointing and the previewed bodies.
 */
import type { ScreenId } from '../../src/ui/screen-ids.js';
import { KEY } from '../support/ink-driver.js';
import { parsePreviewedBodies } from '../support/request-preview.js';
import { startSandboxApp, type SandboxApp } from '../support/sandbox-app.js';

export { KEY, settled, strip, tick } from '../support/ink-driver.js';

export interface WizardApp extends SandboxApp {
  /** The frame as prose: borders dropped and lines joined, so wrapped sentences can be matched whole. */
  text(): string;
  /** Move a list's pointer (▶) onto the option containing `label` (waiting for it to load), without choosing it. */
  pointAt(label: string): Promise<void>;
  /** The JSON bodies shown in the current frame's preview, in order. */
  previewedBodies(): unknown[];
}

export async function startWizardApp(
  options: { screen?: ScreenId; color?: boolean; now?: Date } = {},
): Promise<WizardApp> {
  const app = await startSandboxApp({ ...options, rows: 70 });
  const pointed = (label: string) =>
    app
      .frame()
      .split('\n')
      .some((l) => l.includes('▶') && l.includes(label));
  return {
    ...app,
    text: () =>
      app
        .frame()
        .split('\n')
        .map((l) =>
          l
            .replace(/^[│|]\s?/, '')
            .replace(/\s*[│|]\s*$/, '')
            .trim(),
        )
        .join(' ')
        .replace(/\s+/g, ' '),
    previewedBodies: () => parsePreviewedBodies(app.frame()),
    async pointAt(label) {
      await app.waitFor(label);
      await app.press('g');
      for (let i = 0; i < 40 && !pointed(label); i++) await app.press(KEY.down);
      if (!pointed(label)) throw new Error(`no option ${label}; frame:\n${app.frame()}`);
    },
  };
}

/** The app on Roles with the custom role wizard open at its first step (n on the loaded list). */
export async function openRoleWizard(): Promise<WizardApp> {
  const app = await startWizardApp({ screen: 'roles' });
  await app.waitFor('marketing-reader');
  await app.press('n');
  await app.waitFor('Role name');
  return app;
}

/** The app with the member roles wizard (e) open on the member the filter `who` finds, at its first step. */
export async function openMemberRolesWizard(who: string): Promise<WizardApp> {
  const app = await startWizardApp();
  await app.waitFor(`${who}@`);
  await app.press('/');
  await app.type(who);
  await app.press(KEY.enter);
  await app.press('e');
  await app.waitFor('Which current assignments should go?');
  return app;
}

/**
 * From the role wizard's first step to its review, the shortest way: `name` in `project`, no privileges, and the
 * members to assign it to, if any.
 */
export async function roleToReview(
  app: WizardApp,
  name: string,
  project: string,
  assignees: readonly string[] = [],
): Promise<void> {
  await app.press(`${name}\r`, KEY.enter); // the name, no description
  await app.pointAt(project);
  await app.press(KEY.space, KEY.enter);
  for (const step of ['Cluster privileges', 'Index privileges', 'Kibana feature privileges']) {
    await app.waitFor(step);
    await app.press(KEY.enter); // none
  }
  await app.waitFor('Assign it to members now?');
  for (const email of assignees) {
    await app.pointAt(email);
    await app.press(KEY.space);
  }
  await app.press(KEY.enter);
  await app.waitFor('nothing is sent until you press enter');
}
