/**
 * Shorter wizards in the built app (issue 17): the custom role builder's common path from `n` to the review in 11
 * enters (17 before; the count the reducer test claims, test/wizards/short-wizards.test.ts), the cursor resting on
 * the likely next choice so enter alone goes on ("Done" in each entry menu, "Read, in every space"), and on the
 * review `c` changes one answer and comes back with the rest kept, at 80×24. A complete `:` request for a custom role
 * opens on the review, no step asked, its request wrapped and whole, `?` showing the review's keys first and `c`
 * offering every answer, at 80×24 and 60×20. (`c` on a text answer, and `:` for an API key:
 * wizard-review.e2e.test.ts.)
 */
import { afterEach, expect, it } from 'vitest';
import {
  choose,
  cursorLine,
  HELP_OPEN,
  joinedRows,
  panelRows,
  pointAt,
  reviewRows,
  tick,
  waitForList,
  waitForQuestion,
  waitForReview,
} from './app-screen.js';
import { closeAll, launch, type PtyApp } from './harness.js';

afterEach(closeAll);

/** A member with no project access yet, so the role is all they would get (no over-grant note in the way). */
const MEMBER = 'amara.garcia@acme-analytics.example';
const ROLE = 'mkt-analyst';

/** The wizard's position line: ` Custom role · step 7` (components/wizard/Wizard.tsx). */
const stepOf = (screen: string) => Number(/· step (\d+)\b/.exec(screen)?.[1] ?? NaN);

/** The last line with text: the footer. */
const footer = (screen: string) =>
  screen
    .split('\n')
    .filter((l) => l.trim() !== '')
    .at(-1) ?? '';

/**
 * Counts the enters the user presses and the step each was pressed on, so the path's length is read off the keys,
 * not taken from the app's own label alone.
 */
function counted(app: PtyApp) {
  const steps: number[] = [];
  return {
    steps,
    enter: async () => {
      steps.push(stepOf(app.screen()));
      await app.press('enter');
    },
  };
}

/** Answers a text step: waits for its question, types `text`, waits until the field shows it, presses enter. */
async function typeAnswer(app: PtyApp, question: string, text: string, enter: () => Promise<void>) {
  await waitForQuestion(app, question);
  await app.type(text);
  await app.waitFor((s) => cursorLine(s).includes(`▶ ${text}`), `"${text}" typed for ${question}`);
  await enter();
}

/** Waits for an entry menu (`title` over its entries), checks the pointer rests on Done, and presses only enter. */
async function doneByEnter(app: PtyApp, entry: string, enter: () => Promise<void>) {
  const menu = await app.waitFor(
    (s) => panelRows(s).some((r) => r.includes(`Remove: ${entry}`)) && cursorLine(s) !== '',
    `the entry menu listing ${entry}`,
  );
  expect(cursorLine(menu)).toMatch(/▶.*\bDone\b/);
  await enter();
}

it('the custom role: 11 enters to the review, enter alone on the likely choice, c changes one answer, at 80×24', async () => {
  const app = await launch({ cols: 80, rows: 24 });
  await waitForList(app, 'Members');
  await app.press('3');
  await waitForList(app, 'Roles');
  await app.press('n');
  const keys = counted(app);

  await typeAnswer(app, 'Role name', ROLE, keys.enter);
  await typeAnswer(app, 'Description (optional)', 'Marketing analysts', keys.enter);
  await waitForQuestion(app, 'In which projects?');
  await tick(app, 'search-staging');
  await keys.enter();
  await waitForQuestion(app, 'Cluster privileges');
  await tick(app, 'monitor');
  await keys.enter();
  await typeAnswer(app, 'Index privileges: on which indices?', 'marketing-*', keys.enter);
  await waitForQuestion(app, 'Which privileges on those indices?');
  await tick(app, 'read');
  await tick(app, 'view_index_metadata');
  await keys.enter();
  // The entry is added and the menu's pointer is on Done: enter, no arrow, goes on to Kibana.
  await doneByEnter(app, 'marketing-*: read, view_index_metadata', keys.enter);
  await waitForQuestion(app, 'Kibana feature privileges: which features?');
  await tick(app, 'Dashboards');
  await keys.enter();
  await waitForQuestion(app, 'Access to those features');
  await app.waitFor((s) => cursorLine(s).includes('Read, in every space'), 'the pointer on the common level');
  await keys.enter();
  await doneByEnter(app, 'dashboard_v2 read on *', keys.enter);
  await waitForQuestion(app, 'Assign it to members now?');
  await tick(app, MEMBER);
  await keys.enter();

  await waitForReview(app);
  expect(app.screen()).toContain('Custom role · review');
  // Eleven enters, one per step, the steps numbered 1 to 11 with none skipped or repeated.
  expect(keys.steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  // Field security, a DLS query and the spaces were never asked: they are only on the menus' request.
  expect(app.frames().some((s) => /Field security: fields to grant|Document-level security query/.test(s))).toBe(false);
  expect(app.frames().some((s) => s.includes('In which spaces?'))).toBe(false);
  // The plan is taller than 24 rows: its lines are read as they scroll by.
  const before = await reviewRows(app);
  expectRole(before, ['"monitor"']);

  // c: every answer is offered; the cluster privileges change, and the review comes back with the rest kept.
  await app.press('c');
  const answers = await app.waitForText('Which answer do you want to change?');
  expect(answers).toContain(`Role name: ${ROLE}`);
  await choose(app, /Cluster privileges.*: monitor/);
  await waitForQuestion(app, 'Cluster privileges');
  await tick(app, 'read_pipeline');
  await app.press('enter');
  await app.waitForText(/^Answer changed: the review shows the request as it is now/m);
  expectRole(await reviewRows(app), ['"monitor"', '"read_pipeline"']);
});

/** The representative role's PUT and its assignment, line by line as the review shows them. */
function expectRole(rows: readonly string[], cluster: readonly string[]) {
  const json = rows.map((r) =>
    r
      .replace(/^[│|]\s*/, '')
      .replace(/\s*[│|]$/, '')
      .trim(),
  );
  const present = [
    `PUT`,
    '"description": "Marketing analysts"',
    '"cluster": [',
    ...cluster,
    '"names": [',
    '"marketing-*"',
    '"read"',
    '"view_index_metadata"',
    '"application": "kibana-.kibana"',
    '"feature_dashboard_v2.read"',
    '"application_roles": [',
    `"${ROLE}"`,
  ];
  // A JSON line's comma depends on what follows it, which the role's key order decides, not the wizard.
  const lines = json.map((r) => r.replace(/,$/, ''));
  for (const text of present)
    expect(
      lines.some((r) => r === text || r.startsWith(`${text} `)),
      text,
    ).toBe(true);
  // Nothing the path did not ask for.
  expect(json.some((r) => /"field_security"|"query"|"space:/.test(r))).toBe(false);
}

for (const [cols, rows] of [
  [80, 24],
  [60, 20],
] as const) {
  it(`a complete : request for a custom role opens on the review, its request whole, at ${cols}×${rows}`, async () => {
    const app = await launch({ cols, rows });
    await waitForList(app, 'Members');
    await app.press(':');
    await app.waitForText('Request in plain words');
    await app.type(`give ${MEMBER} read-only dashboards on search-staging`);
    await app.press('enter');
    const review = await waitForReview(app);
    // No step was asked on the way.
    expect(app.frames().some((s) => /· step \d+/.test(s))).toBe(false);
    expect(review).toContain('Custom role · review');
    await app.waitFor((s) => /c change an answer/.test(footer(s)), 'the review footer');
    // The role's PUT, its URL whole across the wrapped lines, nothing over the edge.
    expect(joinedRows(app.screen())).toMatch(/PUT https?:\/\/\S*\/_security\/role\/dashboard-read-only/);
    expect(app.wrappedRows()).toEqual([]);
    const shown = (await reviewRows(app)).map((r) =>
      r
        .replace(/^[│|]\s*/, '')
        .replace(/\s*[│|]$/, '')
        .trim(),
    );
    for (const text of ['"feature_dashboard_v2.read"', '"application_roles": [', '"dashboard-read-only"'])
      expect(shown, text).toContain(text);
    expect(shown.some((r) => /^POST https?:/.test(r))).toBe(true);
    // Long lines of the plan wrap, none cut (the header's badge and the one-line status may be).
    expect(shown.join(' ')).toContain('"description": "Read-only access to dashboard (made by ec-access)"');
    expect(shown.filter((r) => r.includes('…') && !/^(ec-access |Plan: )/.test(r))).toEqual([]);
    // ? on the review: the review's own keys first, c among them.
    await app.press('?');
    const help = await app.waitForText(HELP_OPEN);
    expect(panelRows(help)[0]?.trim()).toBe('Request review (the last step of every write)');
    expect(panelRows(help).join(' ')).toMatch(/ c +Pick an answer to change/);
    expect(app.wrappedRows()).toEqual([]);
    await app.press('escape');
    await waitForReview(app);
    // c: the answers the request filled in, to pick from, the pointer on the first.
    await app.press('c');
    const answers = await app.waitForText('Which answer do you want to change?');
    expect(cursorLine(answers)).toContain('Role name: dashboard-read-only');
    expect(app.wrappedRows()).toEqual([]);
    // Every answer is reachable, the last one too where the rows run out.
    await pointAt(app, /Assign it to members now\? \(optional\): amara\.garcia/);
  });
}
