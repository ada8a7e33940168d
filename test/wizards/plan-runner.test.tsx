/** The review stage of a wizard: what its header says once the plan went out, and what the result view has room for. */
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { afterEach, expect, it } from 'vitest';
import { PlanRunner } from '../../components/wizard/PlanRunner.js';
import { planLines } from '../../components/wizard/plan-lines.js';
import { cloudRequests } from '../../src/api/requests.js';
import { createPlan } from '../../src/domain/plan.js';
import { AppActionsContext } from '../../src/ui/contexts.js';
import { KeypressProvider } from '../../src/ui/keypress.js';
import { createTheme, ThemeContext, type Theme } from '../../src/ui/theme.js';
import { inkDriver, KEY, settled } from '../support/ink-driver.js';
import { fakeActions } from '../ui/helpers/fake-actions.js';
import { openRoleWizard, roleToReview, type WizardApp } from './harness.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** A PlanRunner as a panel draws it: one keypress path, a theme and the app's actions around it. */
function renderRunner(runner: ReactElement, theme: Theme) {
  return render(
    <KeypressProvider>
      <ThemeContext.Provider value={theme}>
        <AppActionsContext.Provider value={fakeActions()}>{runner}</AppActionsContext.Provider>
      </ThemeContext.Provider>
    </KeypressProvider>,
  );
}

it('once the plan is sent, the header no longer says nothing is sent', async () => {
  app = await openRoleWizard();
  await roleToReview(app, 'ops-reader', 'search-staging');
  expect(app.frame()).toContain('Custom role · review · nothing is sent until you press enter');
  await app.press(KEY.enter);
  await app.waitFor('ops-reader is listed in search-staging');
  expect(app.frame()).not.toContain('nothing is sent until you press enter');
  expect(app.frame()).toContain('Custom role · review · sent');
});

it('without a follow-up under the result, the result view keeps no blank rows for one: the checks stay in view', async () => {
  const theme = createTheme({ color: false, unicode: true });
  const plan = createPlan('Create a key', [cloudRequests.createApiKey({ description: 'ci', expiration: '30d' })]);
  const urlOf = () => 'http://127.0.0.1:1/api/v1/users/auth/keys';
  const width = 80;
  const checks = [
    { tone: 'success', text: 'first check: the key is listed' },
    { tone: 'success', text: 'last check: with its roles' },
  ] as const;
  // Exactly as tall as the finished plan: its lines, the outcome, the checks, and the status line's row.
  const height = planLines(plan, urlOf, theme.symbols, true, width - 1).length + 1 + checks.length + 2;
  const instance = renderRunner(
    <PlanRunner
      plan={plan}
      router={{ urlOf, send: () => Promise.resolve({}) }}
      refresh={[]}
      env={{}}
      verify={() => checks}
      onBack={() => {}}
      onClose={() => {}}
      done={() => null}
      width={width}
      height={height}
    />,
    theme,
  );
  await settled();
  const ui = inkDriver(instance);
  await ui.waitFor('Nothing has been sent yet.');
  await ui.press(KEY.enter);
  await ui.waitFor('last check: with its roles');
  expect(ui.frame()).toContain('first check: the key is listed');
  expect(ui.frame()).toContain('last check: with its roles');
  instance.unmount();
});

it('at 60 columns the review wraps its heading, a long step summary and a long body string, none cut with …', async () => {
  const theme = createTheme({ color: false, unicode: true });
  const description = 'Read-only access to dashboards, discover and visualize (made by ec-access for the team)';
  const plan = createPlan('Create a key', [cloudRequests.createApiKey({ description, expiration: '30d' })]);
  const urlOf = () => 'http://127.0.0.1:1/api/v1/users/auth/keys';
  const instance = renderRunner(
    <PlanRunner
      heading="Custom role · review"
      plan={plan}
      router={{ urlOf, send: () => Promise.resolve({}) }}
      refresh={[]}
      onBack={() => {}}
      onClose={() => {}}
      width={56}
      height={40}
    />,
    theme,
  );
  await settled();
  const ui = inkDriver(instance);
  await ui.waitFor('Nothing has been sent yet.');
  const rows = ui
    .frame()
    .split('\n')
    .map((r) => r.trim());
  expect(rows.filter((r) => r.includes('…'))).toEqual([]);
  const words = rows.join(' ');
  expect(words).toContain('Custom role · review · nothing is sent until you press enter');
  expect(words).toContain(`"description": ${JSON.stringify(description)}`);
  instance.unmount();
});
