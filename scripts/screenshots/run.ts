/**
 * `npm run screenshots`: drives the built app on its sandbox in the pty harness, one fresh session per picture,
 * and writes what the terminal shows (colours, bold and dim included) as SVG to docs/screenshots/. Then it
 * rewrites the README's key table from the binding table. Run it after a change to what these screens show.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pointAt, REVIEW_OPEN, waitForList } from '../../test/e2e/app-screen.js';
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
  /** Brings the app to the screen to capture. */
  readonly drive: (app: PtyApp) => Promise<unknown>;
}

const SHOTS: readonly Shot[] = [
  {
    name: 'members',
    title: 'ec-access',
    cols: 110,
    rows: 30,
    drive: (app) => waitForList(app, 'Members'),
  },
  {
    name: 'project-access',
    title: 'ec-access — who has access to search-prod',
    cols: 110,
    rows: 44,
    async drive(app) {
      await waitForList(app, 'Members');
      await app.press('2');
      await waitForList(app, 'Projects');
      await app.press('/');
      await app.type('search-prod');
      await app.waitForText('/search-prod');
      await app.press('enter');
      await app.waitFor((s) => !/keep filter/.test(s), 'the list to have the keyboard again');
      await app.press('enter');
      await app.waitFor((s) => /Who has access here/.test(s) && /API keys \(\d+\)/.test(s) && !/loading…/.test(s), 'the access list');
    },
  },
  {
    name: 'invite-preview',
    title: 'ec-access — invite: the exact request, before anything is sent',
    cols: 110,
    rows: 38,
    async drive(app) {
      await waitForList(app, 'Members');
      await app.press('n');
      await app.waitForText('Who should be invited?');
      await app.type('new.analyst@example.com');
      await app.waitForText('▶ new.analyst@example.com');
      for (const step of ['Invitation expiry', 'Organization role', 'Hosted deployment role']) {
        await app.press('enter');
        await app.waitForText(step);
      }
      await app.press('enter');
      await pointAt(app, 'Add a project role');
      await app.press('enter');
      await pointAt(app, 'Elasticsearch');
      await app.press('enter');
      await pointAt(app, '] search-prod ');
      await app.press('space');
      await app.press('enter');
      await pointAt(app, 'Viewer');
      await app.press('enter');
      await pointAt(app, 'Done with project roles');
      await app.press('enter');
      await app.waitForText(REVIEW_OPEN);
    },
  },
  {
    name: 'doctor',
    title: 'ec-access — access doctor',
    cols: 110,
    rows: 32,
    async drive(app) {
      await waitForList(app, 'Members');
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
      await waitForList(app, 'Members');
      await app.press('4');
      await waitForList(app, 'Keys');
      await app.press('n');
      await app.waitForText('What is the key for?');
      await app.type('CI deploy - search-prod');
      await app.waitForText('▶ CI deploy - search-prod');
      await app.press('enter');
      await pointAt(app, '30d');
      await app.press('enter');
      await pointAt(app, 'Chosen projects');
      await app.press('enter');
      await pointAt(app, '] search-prod ');
      await app.press('space');
      await app.press('enter');
      await pointAt(app, 'Developer');
      await app.press('enter');
      await pointAt(app, '] developer');
      await app.press('space');
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
    await shot.drive(app);
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
