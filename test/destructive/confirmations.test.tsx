/**
 * Each typed confirmation against the real sandbox: a wrong phrase keeps it locked and sends nothing; the exact
 * phrase sends exactly one request, then the re-read shows the verified result. The last test checks the audit
 * trail the session wrote (0600, one line per write) and the audit view.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KEY } from '../support/ink-driver.js';
import { parseAs } from '../support/json.js';
import { startSandboxApp, type SandboxApp } from '../support/sandbox-app.js';

let app: SandboxApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** Opens the list filtered to one row and presses `d` on it. */
async function openOn(screen: 'members' | 'roles', filter: string, row: string): Promise<SandboxApp> {
  const a = await startSandboxApp({ screen, filter });
  // Emails are cut to the column width; the start is enough to know the row is there.
  await a.waitFor(row.slice(0, 16));
  await a.press('d');
  return a;
}

async function wrongThenRight(a: SandboxApp, phrase: string): Promise<void> {
  await a.waitFor(`Type ${phrase} to confirm`);
  await a.type(phrase.slice(0, -1));
  expect(a.frame()).toContain('locked until the text matches');
  await a.press(KEY.enter);
  await a.waitFor('does not match');
  expect(await a.writes()).toEqual([]);
  await a.type(phrase.slice(-1));
  await a.waitFor('unlocked: enter sends it');
  // One Enter: a second one may land after the answer and close the result (a repeated submit is covered by the
  // reducer's tests, confirm-model.test.ts).
  await a.press(KEY.enter);
  await a.waitFor('enter close');
}

/** What this test reads of an audit file line. */
const AuditLine = z.looseObject({ type: z.string(), id: z.string(), ref: z.string().optional() });

describe('typed confirmations', () => {
  it('removes a member: one DELETE, verified by re-reading the members', async () => {
    const email = 'tomas.xu@acme-analytics.example';
    app = await openOn('members', 'tomas.xu', email);
    await wrongThenRight(app, email);
    await app.waitFor(`Removed ${email} from the organization`);
    expect(app.frame()).toContain(`verified: ${email} is no longer in the member list`);
    const writes = await app.writes();
    expect(writes.map((w) => `${w.method} ${w.url}`)).toEqual([
      `DELETE /api/v1/organizations/${app.sandbox.organizationId}/members/3070813066`,
    ]);
  });

  it('edits the phrase mid-text (ink-text-input): a typo fixed with the cursor unlocks it, a paste lands at the cursor', async () => {
    const email = 'tomas.xu@acme-analytics.example';
    app = await openOn('members', 'tomas.xu', email);
    await app.waitFor(`Type ${email} to confirm`);
    // "tomas.u@…": the x forgotten, then put back with ← (a field that only appends could not).
    await app.type('tomas.u@acme-');
    await app.press(...Array<string>(7).fill('\x1b[D'));
    await app.type('x');
    await app.waitFor('▶ tomas.xu@acme-');
    await app.press(...Array<string>(7).fill('\x1b[C'), '\x1b[200~analytics.example\x1b[201~');
    await app.waitFor('unlocked: enter sends it');
    expect(await app.writes()).toEqual([]);
  });

  it('at 80 columns, a prompt too long for one line wraps: the phrase and the rule are shown whole', async () => {
    const email = 'amara.garcia@acme-analytics.example';
    app = await startSandboxApp({ screen: 'members', filter: 'amara.garcia', columns: 80, rows: 24 });
    await app.waitFor('amara.garcia@');
    await app.press('d');
    await app.waitFor('to confirm');
    const rows = app
      .frame()
      .split('\n')
      .map((l) => l.replace(/^[│|]/, '').replace(/[│|]$/, '').trim());
    const prompt = rows.findIndex((r) => r.startsWith('Type '));
    expect(rows[prompt]).toContain(email);
    expect(`${rows[prompt]} ${rows[prompt + 1]}`).toContain(`Type ${email} to confirm (exactly, case-sensitive):`);
    expect([rows[prompt], rows[prompt + 1]].filter((r) => r?.endsWith('…'))).toEqual([]);
    // The field is still where the typing goes.
    await app.type(email);
    await app.waitFor('unlocked: enter sends it');
    await app.press(KEY.escape);
    expect(await app.writes()).toEqual([]);
  });

  it('warns about the last owner before removing an owner', async () => {
    app = await openOn('members', 'nadia.okafor', 'nadia.okafor@acme-analytics.example');
    await app.waitFor('Type nadia.okafor@acme-analytics.example to confirm');
    // Two owners: removing one is not the last; the self-key warning applies (the sandbox key is Nadia's).
    expect(app.frame()).toContain('The API key ec-access is using');
    await app.press(KEY.escape);
    expect(await app.writes()).toEqual([]);
  });

  it('cancels an invitation: the token is never shown, one DELETE', async () => {
    const email = 'hana.ueda@acme-analytics.example';
    app = await openOn('members', 'hana.ueda', email);
    await app.waitFor('[redacted]');
    await wrongThenRight(app, email);
    await app.waitFor(`Cancelled the invitation to ${email}`);
    const writes = await app.writes();
    expect(writes).toHaveLength(1);
    expect(writes[0]!.url).toMatch(
      new RegExp(`^/api/v1/organizations/${app.sandbox.organizationId}/invitations/[^/]+$`),
    );
  });

  it('deletes a custom role after listing who still uses it', async () => {
    app = await openOn('roles', 'marketing-reader', 'custom role in');
    await app.waitFor('Type marketing-reader to confirm');
    expect(app.frame()).toMatch(/member\s+Tariq Varga — loses all stack access to search-prod/);
    expect(app.frame()).toMatch(/key\s+Marketing ETL — loses all stack access to search-prod/);
    // The warning is wrapped, not cut: its end is on screen too.
    expect(app.frame()).toContain('2 holders are assigned "marketing-reader" in this project');
    expect(app.frame()).toContain('grant nothing through it, until changed.');
    await wrongThenRight(app, 'marketing-reader');
    await app.waitFor('Deleted custom role marketing-reader from search-prod');
    const writes = await app.writes();
    expect(writes.map((w) => w.method)).toEqual(['DELETE']);
    expect(writes[0]!.url).toMatch(/\/_security\/role\/marketing-reader$/);
  });

  it('removes one role assignment picked from the member (x), one DELETE with exactly that entry', async () => {
    const email = 'bea.bauer@acme-analytics.example';
    app = await startSandboxApp({ screen: 'members', filter: 'bea.bauer' });
    await app.waitFor('Bea Bauer');
    await app.press('x');
    await app.waitFor('Which role assignment');
    const pointer = (frame: string) => frame.split('\n').find((l) => l.includes('▶')) ?? '';
    // One line at a time, each seen to move the pointer, until it is on the Rule author assignment.
    for (let i = 0; i < 5 && !pointer(app.frame()).includes('Rule author'); i++) {
      const before = pointer(app.frame());
      await app.press(KEY.down);
      await app.waitUntil((f) => pointer(f) !== before, 'the pointer to move down');
    }
    expect(pointer(app.frame())).toContain('Rule author');
    await app.press(KEY.enter);
    await wrongThenRight(app, email);
    await app.waitFor(`from ${email}`);
    expect(app.frame()).toContain('verified');
    const writes = await app.writes();
    expect(writes).toHaveLength(1);
    expect(writes[0]!.url).toBe('/api/v1/users/5379703215/role_assignments');
    expect(JSON.parse(writes[0]!.body!)).toEqual({
      project: {
        security: [
          expect.objectContaining({
            role_id: 'security-rule-author',
            project_ids: ['b0cf5eda79632fa09922f4075fa70a0c'],
          }),
        ],
      },
    });
    const member = (await app.cloud.listMembers(app.sandbox.organizationId)).find((m) => m.email === email)!;
    expect(member.role_assignments?.project?.security?.map((a) => a.role_id)).toEqual(['security-soc-manager']);
  });

  it('records every write in a 0600 audit file, one line each, and shows it in the audit view', async () => {
    app = await startSandboxApp({ screen: 'keys', filter: 'Marketing ETL' });
    await app.waitFor('Marketing ETL');
    await app.press('d');
    await app.waitFor('Type Marketing ETL to confirm');
    await app.type('Marketing ETL');
    await app.press(KEY.enter);
    await app.waitFor('Result, key by key');
    await app.press(KEY.enter);

    const path = join(app.env.env.XDG_STATE_HOME!, 'ec-access', 'audit.jsonl');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => parseAs(AuditLine, JSON.parse(l), 'audit line'));
    const writes = lines.filter((l) => l.type === 'write');
    expect(writes).toHaveLength((await app.writes()).length);
    expect(writes).toHaveLength(1);
    expect(lines.filter((l) => l.type === 'verify').map((l) => l.ref)).toEqual([writes[0]!.id]);

    await app.press('L');
    await app.waitFor('Audit trail');
    expect(app.frame()).toMatch(/sandbox\s+DELETE\s+\/users\/auth\/keys\s+200\s+✓ done/);
    expect(app.frame()).toContain('✓ verified');
  });
});
