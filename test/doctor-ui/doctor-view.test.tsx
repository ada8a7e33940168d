/** The doctor panel: findings in runDoctor's order, the selected one explained, enter routed to its fix. */
import { describe, expect, it, vi } from 'vitest';
import { runDoctor } from '../../src/domain/doctor/index.js';
import { orgData, ORG } from '../ui/helpers/fixtures.js';
import { KEY } from '../ui/helpers/render-app.js';
import { openWith, selectFinding, waitUntil } from './app.js';
import { seededOrg } from './seeded-org.js';
import { INVITATIONS } from '../../src/state/lists.js';

const opened = vi.hoisted(() => [] as unknown[]);

// The wizards that apply fixes are separate features: a stand-in opener records what it was given and opens a panel.
vi.mock('../../screens/fix-openers.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../screens/fix-openers.js')>();
  const { Text } = await import('ink');
  const { createElement } = await import('react');
  return {
    ...original,
    FIX_OPENERS: {
      ...original.FIX_OPENERS,
      'invite-owner': (fix: unknown, ctx: { actions: { openPanel: (p: object) => void } }) => {
        opened.push(fix);
        ctx.actions.openPanel({
          id: 'stand-in',
          title: 'Invite a second owner',
          node: createElement(Text, null, 'stand-in invite wizard'),
        });
      },
    },
  };
});

const openDoctor = (data = seededOrg()) => openWith('D', 'Access doctor', { data, size: { columns: 100, rows: 40 } });

describe('doctor view', () => {
  it('lists one finding per seeded problem, in runDoctor order, with severity markers', async () => {
    const app = await openDoctor();
    // Missing custom roles are judged once the projects' custom roles are loaded, which opening the doctor asks for.
    await app.waitFor('"ghost-role" of Gina Ghost does not exist in search-prod');
    const expected = runDoctor(app.store.snapshot()!, { selfKeyId: 'k-owner' });
    const seeded = [
      'single-owner',
      'over-grant',
      'missing-custom-role',
      'key-never-expires',
      'key-cloud-only',
      'key-expired',
      'invitation-expired',
    ];
    for (const rule of seeded)
      expect(
        expected.filter((f) => f.rule === rule),
        rule,
      ).toHaveLength(1);
    const frame = app.frame();
    const positions = expected.map((f) => frame.indexOf(f.title));
    expect(
      positions.every((p) => p >= 0),
      frame,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(frame).toMatch(/! WARN {2}Olivia Owner is the only organization owner/);
    expect(frame).toMatch(/• INFO {2}Key "old deploy key" expired/);
    expect(frame).toContain('0 critical · 5 warning · 3 info');
  });

  it('explains the selected finding and says what enter will do', async () => {
    const app = await openDoctor();
    const [first, second] = runDoctor(app.store.snapshot()!, { selfKeyId: 'k-owner' });
    expect(app.frame()).toContain(first!.why.slice(0, 60));
    await app.press(KEY.down);
    await app.waitFor(second!.why.slice(0, 60));
    await app.press(KEY.up);
    await app.waitFor(first!.why.slice(0, 60));
    await selectFinding(app, (f) => f.rule === 'single-owner');
    expect(app.frame()).toContain('Only owners can invite people');
    expect(app.frame()).toContain('enter invite a second organization owner');
  });

  it("enter hands the finding's FixAction to its opener, which opens its panel", async () => {
    opened.length = 0;
    const app = await openDoctor();
    await selectFinding(app, (f) => f.fix.kind === 'invite-owner');
    await app.press(KEY.enter);
    expect(opened).toEqual([{ kind: 'invite-owner' }]);
    await app.waitFor('stand-in invite wizard');
  });

  it.each([
    ['key-expired', 'Revoke API key old deploy key'],
    ['over-grant', 'Remove a role assignment from'],
  ])('%s opens the typed confirmation that applies it', async (rule, title) => {
    const app = await openDoctor();
    await selectFinding(app, (f) => f.rule === rule);
    await app.press(KEY.enter);
    await app.waitFor(title);
  });

  it('rotate-key says what it will do and opens the replacement key wizard for that key', async () => {
    const app = await openDoctor();
    await selectFinding(app, (f) => f.rule === 'key-expiring-soon');
    expect(app.frame()).toContain('enter create a replacement key with an expiration, then revoke this one');
    await app.press(KEY.enter);
    await app.waitFor('Replace API key CI ingest');
  });

  it('coming back from a fix, the same finding is still selected', async () => {
    const app = await openDoctor();
    await selectFinding(app, (f) => f.rule === 'key-expired');
    await app.press(KEY.enter);
    await app.waitFor('Revoke API key old deploy key');
    await app.press(KEY.escape);
    await app.waitFor('rule key-expired');
    expect(app.lines().find((l) => l.includes('▶'))).toContain('Key "old deploy key" expired');
  });

  it('re-runs when the organization changes: a fixed problem drops off', async () => {
    const app = await openDoctor();
    await app.waitFor('Invitation to late@acme.test expired');
    app.cloud.data.invitations = app.cloud.data.invitations.filter((i) => i.token !== 'inv-old');
    await app.store.refresh(INVITATIONS);
    await waitUntil(() => !app.frame().includes('Invitation to late@acme.test'));
    expect(app.frame()).toContain('Access doctor');
  });

  it('r reloads the organization: a problem fixed elsewhere drops off, as the "no longer exists" notice promises', async () => {
    const app = await openDoctor();
    await app.waitFor('Invitation to late@acme.test expired');
    // Cancelled by someone else: the app learns of it only by reading again.
    app.cloud.data.invitations = app.cloud.data.invitations.filter((i) => i.token !== 'inv-old');
    await app.press('r');
    await waitUntil(() => !app.frame().includes('Invitation to late@acme.test'), 'the reloaded findings');
    expect(app.frame()).toContain('Access doctor');
    expect(app.frame()).toContain('r reload');
  });

  it('says when access looks healthy, and esc closes', async () => {
    const owner = (id: string, email: string) => ({
      organization_id: ORG.id,
      user_id: id,
      member_since: '2026-01-01T00:00:00Z',
      name: email,
      email,
      role_assignments: { organization: [{ role_id: 'organization-admin', organization_id: ORG.id }] },
    });
    const app = await openDoctor(
      orgData({ members: [owner('u-a', 'dan@acme.test'), owner('u-b', 'b@acme.test')], invitations: [], keys: [] }),
    );
    await app.waitFor('No findings — access looks healthy');
    await app.press(KEY.escape);
    await app.waitFor('Members[2]');
    expect(app.frame()).not.toContain('Access doctor');
  });
});
