/** The `:` command line: understood → the intent's opener; ambiguous → choices parsed again; error → text kept. */
import { describe, expect, it, vi } from 'vitest';
import type { Intent } from '../../src/domain/intent/index.js';
import { KEY } from '../ui/helpers/render-app.js';
import { openPanel, openWith, panelText, type App } from './app.js';
import { seededOrg } from './seeded-org.js';

const opened = vi.hoisted(() => [] as unknown[]);

// Wizards are separate features: a stand-in records the intent it was asked to open.
vi.mock('../../screens/intent-openers.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../screens/intent-openers.js')>();
  return {
    ...original,
    INTENT_OPENERS: {
      ...original.INTENT_OPENERS,
      invite: (intent: unknown) => opened.push(intent),
      'update-member-roles': undefined,
    },
  };
});

const openCommandLine = () =>
  openWith(':', 'Request in plain words', { data: seededOrg(), size: { columns: 100, rows: 30 } });

async function ask(app: App, text: string) {
  await app.type(text);
  await app.waitFor(text);
  await app.press(KEY.enter);
}

describe('command line', () => {
  it('lists the request forms until something is asked', async () => {
    const app = await openCommandLine();
    expect(app.frame()).toContain('add|invite <email> [to <project>… | to all <type> projects] [as <role>]');
    expect(app.frame()).toContain('enter ask');
  });

  it('hands an understood request to its opener and says what it plans', async () => {
    opened.length = 0;
    const app = await openCommandLine();
    await ask(app, 'add zoe@acme.test to search-prod as developer');
    await app.waitFor('Plan: invite zoe@acme.test with Developer (elasticsearch) on search-prod');
    expect(opened).toEqual([
      {
        kind: 'invite',
        emails: ['zoe@acme.test'],
        organizationRoleIds: [],
        grants: [
          {
            target: { kind: 'projects', type: 'elasticsearch', projectIds: ['p-search'] },
            roleId: 'elasticsearch-developer',
          },
        ],
      } satisfies Intent,
    ]);
    expect(app.frame()).not.toContain('Request in plain words');
  });

  it('asks which one when a word fits several, and parses the chosen rewrite', async () => {
    opened.length = 0;
    const app = await openCommandLine();
    await ask(app, 'add zoe@acme.test to search as developer');
    await app.waitFor('Which project did you mean by "search"?');
    expect(app.frame()).toMatch(/1\. search-prod \(elasticsearch\)/);
    expect(app.frame()).toMatch(/2\. search-staging \(elasticsearch\)/);
    await app.press('2');
    await app.waitFor('Plan: invite zoe@acme.test with Developer (elasticsearch) on search-staging');
    expect(opened).toMatchObject([{ kind: 'invite', grants: [{ target: { projectIds: ['p-staging'] } }] }]);
  });

  it('picks a choice with the arrows and enter too', async () => {
    opened.length = 0;
    const app = await openCommandLine();
    await ask(app, 'add zoe@acme.test to search as developer');
    await app.waitFor('Which project did you mean');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('on search-staging');
    expect(opened).toHaveLength(1);
  });

  it('says what was not understood and keeps the text for editing', async () => {
    const app = await openCommandLine();
    await ask(app, 'give dan frobnicate on search-prod');
    await app.waitFor('not understood: "frobnicate"');
    expect(app.frame()).toContain('unknown words: frobnicate');
    expect(app.frame()).toContain(': give dan frobnicate on search-prod');
    // Fix the request in place: replace the unknown word.
    for (let i = 0; i < ' on search-prod'.length; i++) await app.press('\x1b[D');
    for (let i = 0; i < 'frobnicate'.length; i++) await app.press(KEY.backspace);
    await app.type('viewer');
    await app.waitFor(': give dan viewer on search-prod');
  });

  it('recalls earlier requests with ↑ and returns to the draft with ↓', async () => {
    const app = await openCommandLine();
    await ask(app, 'frobnicate everything');
    await app.waitFor('start with what to do');
    await app.press(KEY.escape);
    await openPanel(app, ':', 'Request in plain words');
    await app.type('who');
    await app.press(KEY.up);
    await app.waitFor(': frobnicate everything');
    await app.press(KEY.down);
    await app.waitFor(/: who\s/);
  });

  it('opens the access matrix for "who has access to …"', async () => {
    const app = await openCommandLine();
    await ask(app, 'who has access to logs-main');
    await app.waitFor('Effective access (who × project)');
    expect(panelText(app)).toContain('Olivia Owner × logs-main');
    expect(app.frame()).toContain('Plan: show who has access to logs-main');
  });

  it('falls back to a status message when no wizard can show the plan (opener stubbed out above)', async () => {
    const app = await openCommandLine();
    await ask(app, 'give bill viewer on search-prod');
    // The status line is cut at the terminal width.
    await app.waitFor('wizard not available yet: update-member-roles (plan: give Bill Payer Viewer (elasticsearch)');
  });

  it('opens the typed confirmation for a removal', async () => {
    const app = await openCommandLine();
    await ask(app, 'remove bill from the organization');
    await app.waitFor('Remove bill@acme.test from the organization');
    expect(app.frame()).toContain('Plan: remove Bill Payer from the organization');
  });

  it('esc closes it', async () => {
    const app = await openCommandLine();
    await app.press(KEY.escape);
    await app.waitFor('Members[8]');
    expect(app.frame()).not.toContain('Request in plain words');
  });
});
