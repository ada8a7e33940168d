/**
 * `npm run screenshots`: drives the built app on its sandbox in the pty harness, one fresh session per picture,
 * and writes what the terminal shows (colours, bold and dim included) as SVG to docs/screenshots/. Then it
 * rewrites the README's key table from the binding table. Run it after a change to what these screens show.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { choose, REVIEW_OPEN, tick, typeAndEnter, waitForList } from '../../test/e2e/app-screen.js';
import { closeAll, launch, repoRoot, type PtyApp } from '../../test/e2e/harness.js';
import { withKeyTable } from '../readme/key-table.js';
import { screenToSvg } from './svg.js';

interface Shot {
  /** File name under docs/screenshots, without .svg. */
  readonly name: string;
  /** The window title, as a terminal would show the command. */
  readonly title: string;
  readonly args?: readonly string[];
  readonly cols: number;
  readonly rows: number;
  /** Brings the app from the loaded Members list to the screen to capture (none: the Members list itself). */
  readonly drive?: (app: PtyApp) => Promise<unknown>;
}

const SHOTS: readonly Shot[] = [
  { name: 'members', title: 'ec-access', cols: 110, rows: 30 },
  {
    name: 'project-access',
    title: 'ec-access — who has access to search-prod',
    cols: 110,
    rows: 44,
    async drive(app) {
      await app.press('2');
      await waitForList(app, 'Projects');
      await app.press('/');
      await app.type('search-prod');
      await app.waitForText('/search-prod');
      await app.press('enter');
      await app.waitFor((s) => !/keep filter/.test(s), 'the list to have the keyboard again');
      await app.press('enter');
      await app.waitFor(
        (s) => /Who has access here/.test(s) && /API keys \(\d+\)/.test(s) && !/loading…/.test(s),
        'the access list',
      );
    },
  },
  {
    name: 'invite-preview',
    title: 'ec-access — invite: the exact request, before anything is sent',
    cols: 110,
    rows: 38,
    async drive(app) {
      await app.press('n');
      await app.waitForText('Who should be invited?');
      await typeAndEnter(app, 'new.analyst@example.com');
      for (const step of ['Invitation expiry', 'Organization role', 'Hosted deployment role']) {
        await app.waitForText(step);
        await app.press('enter');
      }
      await choose(app, 'Add a project role');
      await choose(app, 'Elasticsearch');
      await tick(app, 'search-prod');
      await app.press('enter');
      await choose(app, 'Viewer');
      await choose(app, 'Done with project roles');
      await app.waitForText(REVIEW_OPEN);
    },
  },
  {
    name: 'doctor',
    title: 'ec-access — access doctor',
    cols: 110,
    rows: 32,
    async drive(app) {
      await app.press('D');
      await app.waitFor((s) => s.includes('Access doctor') && !/Loading/.test(s), 'the findings');
    },
  },
  {
    name: 'key-secret',
    title: 'ec-access — a new key, its value masked until v',
    cols: 110,
    rows: 24,
    async drive(app) {
      await app.press('4');
      await waitForList(app, 'Keys');
      await app.press('n');
      await app.waitForText('What is the key for?');
      await typeAndEnter(app, 'CI deploy - search-prod');
      await choose(app, '30d');
      await choose(app, 'Chosen projects');
      await tick(app, 'search-prod');
      await app.press('enter');
      await choose(app, 'Developer');
      await tick(app, 'developer');
      await app.press('enter');
      await app.waitForText(REVIEW_OPEN);
      await app.press('enter');
      await app.waitForText('(masked: v reveals it)');
    },
  },
];

async function capture(shot: Shot, dir: string): Promise<void> {
  // FORCE_COLOR: the harness's CI=false would otherwise make chalk drop the colours a real terminal gets.
  const app = await launch({ cols: shot.cols, rows: shot.rows, args: shot.args ?? [], env: { FORCE_COLOR: '3' } });
  try {
    await waitForList(app, 'Members');
    await shot.drive?.(app);
    // The last frame may still be arriving (spinners, a status line); take it once the app is quiet.
    await app.settle({ firstMs: 300, quietMs: 100 });
    const file = join(dir, `${shot.name}.svg`);
    writeFileSync(file, screenToSvg(app.cells(), { title: shot.title }));
    process.stdout.write(`wrote ${file}\n`);
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const root = repoRoot();
  const dir = join(root, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const only = process.argv.slice(2);
  for (const shot of SHOTS) if (only.length === 0 || only.includes(shot.name)) await capture(shot, dir);
  const readme = join(root, 'README.md');
  writeFileSync(readme, withKeyTable(readFileSync(readme, 'utf8')));
  process.stdout.write(`updated the key table in ${readme}\n`);
}

main().catch(async (error: unknown) => {
  await closeAll();
  process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
