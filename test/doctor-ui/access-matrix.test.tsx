/** The access matrix panel: compact cells within 80 columns, column paging, and the selected cell's reasons. */
import { describe, expect, it } from 'vitest';
import { createTheme } from '../../src/ui/theme.js';
import { KEY } from '../ui/helpers/render-app.js';
import { LEFT, openWith, panelText, RIGHT, type App } from './app.js';
import { seededOrg } from './seeded-org.js';

const openMatrix = (size = { columns: 80, rows: 30 }, theme = createTheme({ color: false, unicode: true })) =>
  openWith('A', 'Effective access', { data: seededOrg(), size, theme });

const rowOf = (frame: string, label: string) => frame.split('\n').find((l) => l.includes(label)) ?? '';

/**
 * Close the matrix (whose opening loaded every project's custom roles) and open a row's details on another screen,
 * waiting for each step to show: keys sent faster than the app renders act on the previous mode.
 */
async function openDetails(app: App, screenKey: string, filter: string, title: string) {
  await app.press(KEY.escape, screenKey, '/');
  await app.type(filter);
  await app.press(KEY.enter);
  await app.waitFor('clear filter');
  await app.press(KEY.enter);
  await app.waitFor(title);
}

describe('access matrix', () => {
  it('fits 80 columns and shows roles, missing custom roles, over-grants, cloud-only and no access', async () => {
    const app = await openMatrix();
    const frame = app.frame();
    for (const l of app.lines()) expect(Array.from(l).length, l).toBeLessThanOrEqual(80);
    expect(frame).toMatch(/search-prod\s+search-stagi…\s+logs-main\s+siem/);
    expect(rowOf(frame, 'Gina Ghost')).toMatch(/✗ghost-role\s+—\s+—\s+—/);
    expect(rowOf(frame, 'Max Mixed')).toContain('!developer,m…');
    expect(rowOf(frame, 'Dan Developer')).toMatch(/developer\s+developer\s+viewer\s+—/);
    expect(rowOf(frame, 'key  sandbox owner')).toMatch(/cloud-only\s+cloud-only\s+cloud-only\s+cloud-only/);
    // Expired keys and invitations hold no access, so they have no row.
    expect(frame).not.toContain('old deploy key');
    expect(frame).toContain('over-grant');
  });

  it('explains the selected cell with its reason chain and follows the cursor', async () => {
    const app = await openMatrix();
    expect(app.frame()).toContain('Olivia Owner × search-prod (elasticsearch)');
    expect(app.frame()).toContain('via organization owner (organization-admin)');
    await app.press(KEY.down, KEY.down);
    await app.waitFor('Ana Analyst × search-prod');
    // Wrapped at 80 columns: read it across the line break.
    expect(panelText(app)).toContain('via elasticsearch-viewer + application_roles [marketing-analyst] on search-prod');
    await app.press(RIGHT, RIGHT);
    await app.waitFor('Ana Analyst × logs-main');
    expect(app.frame()).toContain('no assignment covers this project');
  });

  it('says why a missing custom role grants nothing, and marks the over-grant', async () => {
    const app = await openMatrix({ columns: 100, rows: 40 });
    for (let i = 0; i < 4; i++) await app.press(KEY.down);
    await app.waitFor('Gina Ghost × search-prod');
    expect(app.frame()).toContain('✗ ghost-role does not exist in this project: grants nothing');
    await app.press(KEY.down);
    await app.waitFor('Max Mixed × search-prod');
    expect(app.frame()).toContain('! over-grant: a predefined role on top of a custom role');
  });

  it('pages project columns with ←/→ when they do not fit', async () => {
    const app = await openMatrix({ columns: 60, rows: 30 });
    expect(app.frame()).toContain('page 1/2');
    expect(app.frame()).not.toContain('logs-main');
    await app.press(RIGHT, RIGHT);
    await app.waitFor('page 2/2');
    expect(app.frame()).toMatch(/logs-main\s+siem/);
    expect(app.frame()).not.toMatch(/search-prod\s/);
    await app.press(LEFT, LEFT);
    await app.waitFor('page 1/2');
    for (const l of app.lines()) expect(Array.from(l).length, l).toBeLessThanOrEqual(60);
  });

  it('falls back to ASCII marks', async () => {
    const app = await openMatrix({ columns: 80, rows: 30 }, createTheme({ color: false, unicode: false }));
    expect(rowOf(app.frame(), 'Gina Ghost')).toMatch(/xghost-role\s+-\s+-\s+-/);
    expect(app.frame()).toContain('search-sta...');
  });

  it('closes with esc', async () => {
    const app = await openMatrix();
    await app.press(KEY.escape);
    await app.waitFor('Members[8]');
    expect(app.frame()).not.toContain('Effective access');
  });
});

describe('effective access in details', () => {
  it('member details list each reached project with its compact cell and why', async () => {
    const app = await openMatrix({ columns: 100, rows: 60 });
    await openDetails(app, '1', 'max@', 'Member: max@acme.test');
    const frame = app.frame();
    expect(frame).toContain('Effective access');
    expect(frame).toMatch(/search-prod \(elasticsearch\) {2}!developer,marketing-analyst/);
    expect(frame).toContain('via elasticsearch-developer on search-prod');
    expect(frame).toContain('over-grant: a predefined role on top of a custom role');
  });

  it('key details say when a key reaches projects through the Cloud API only', async () => {
    const app = await openMatrix({ columns: 100, rows: 60 });
    await openDetails(app, '4', 'sandbox', 'API key: sandbox owner key');
    expect(app.frame()).toMatch(/siem \(security\) {2}cloud-only/);
    expect(app.frame()).toContain('no stack role: Cloud console and Cloud API only');
  });

  it("project details show the project's column of the matrix", async () => {
    const app = await openMatrix({ columns: 100, rows: 80 });
    await openDetails(app, '2', 'search-prod', 'Effective access (column of the access matrix, A)');
    const frame = app.frame();
    expect(frame).toMatch(/user Gina Ghost\s+✗ghost-role/);
    expect(frame).toMatch(/user Max Mixed\s+!developer,marketing-analyst/);
    expect(frame).toMatch(/key {2}sandbox owner key\s+cloud-only/);
    expect(frame).toMatch(/\d+ others? without access here/);
  });
});
