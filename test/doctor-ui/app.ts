/** Opening the access panels in the whole app, and waiting on things the frame alone does not show. */
import { runDoctor, type Finding } from '../../src/domain/doctor/index.js';
import { waitUntil as waitForCondition } from '../support/wait.js';
import { KEY, renderApp, type RenderAppOptions } from '../ui/helpers/render-app.js';

export type App = Awaited<ReturnType<typeof renderApp>>;

export const RIGHT = '\x1b[C';
export const LEFT = '\x1b[D';

export async function waitUntil(condition: () => boolean, what = 'the condition', timeoutMs?: number): Promise<void> {
  await waitForCondition(condition, what, timeoutMs);
}

/**
 * Start the app, press `key` once the organization is in, and wait for the panel titled `title` and for every
 * project's custom roles (the panels ask for them; findings and cells depend on them).
 */
export async function openWith(key: string, title: string, options: RenderAppOptions = {}): Promise<App> {
  const app = await renderApp(options);
  await waitUntil(() => (app.store.snapshot()?.members.length ?? 0) > 0, 'the members');
  await openPanel(app, key, title);
  await waitUntil(() => {
    const snapshot = app.store.snapshot()!;
    return snapshot.projects.every((p) => snapshot.customRoles.has(p.id));
  }, 'custom roles of every project');
  return app;
}

/** Press the key that opens a panel and wait until it shows and listens. */
export async function openPanel(app: App, key: string, title: string): Promise<void> {
  await app.press(key);
  await app.waitFor(title); // and for its effects: the panel listens from then on
}

/** The panel's text with borders stripped and lines joined, to read wrapped sentences whole. */
export function panelText(app: App): string {
  return app
    .lines()
    .map((l) => l.replace(/^[│|]\s?|\s*[│|]$/g, '').trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * Move the doctor's cursor (at the top) down to the first finding matching `which`, in runDoctor order, and wait
 * until its explanation shows.
 */
export async function selectFinding(app: App, which: (f: Finding) => boolean): Promise<void> {
  const findings = runDoctor(app.store.snapshot()!, { selfKeyId: 'k-owner' });
  const index = findings.findIndex(which);
  if (index < 0) throw new Error('no such finding');
  for (let i = 0; i < index; i++) await app.press(KEY.down);
  await app.waitFor(`rule ${findings[index]!.rule}`);
}
