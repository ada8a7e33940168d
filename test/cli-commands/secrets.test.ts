/** Plant every secret the sandbox knows (the API key in use, invitation tokens, a fresh key's value) and grep all output. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { InvitationList } from '../../src/api/schemas.js';
import { CreatedKeyResult, WriteDoc } from '../support/cli-docs.js';
import { parseAs } from '../support/json.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

it('no command prints the API key, an invitation token or a created key value', async () => {
  const auth = { headers: { authorization: `ApiKey ${h.sandbox.ownerKey}` } };
  const base = `${h.sandbox.baseUrl}/api/v1/organizations/${h.sandbox.organizationId}`;
  const tokens = async () =>
    parseAs(InvitationList, await (await fetch(`${base}/invitations`, auth)).json(), 'invitations').invitations.map(
      (i) => i.token,
    );

  const outputs: string[] = [];
  const run = async (argv: string[], tty = false) => {
    const r = await h.run(argv, { tty });
    outputs.push(r.stdout, r.stderr);
    return r;
  };
  const invited = await run([
    'members',
    'invite',
    '--emails',
    'planted@example.com',
    '--project',
    'search-prod',
    '--role',
    'viewer',
  ]);
  const created = await run(['keys', 'create', '--description', 'planted', '--expiration', '1d', '--scope', 'org']);
  const { secret_file } = parseAs(CreatedKeyResult, created.doc(WriteDoc).results[0]?.result, 'the created key');
  const value = readFileSync(secret_file, 'utf8');
  const planted = [h.sandbox.ownerKey, value, ...(await tokens())];
  expect(invited.code).toBe(0);

  for (const tty of [false, true]) {
    await run(['members', 'list'], tty);
    await run(['invitations', 'list'], tty);
    await run(['keys', 'list'], tty);
    await run(['doctor'], tty);
    await run(['invitations', 'cancel', '--email', 'planted@example.com', '--dry-run'], tty);
    await run(['members', 'invite', '--emails', 'planted@example.com', '--dry-run'], tty);
  }
  await run(['invitations', 'cancel', '--tokens', (await tokens())[0]!, '--dry-run']);
  await run(['invitations', 'cancel', '--email', 'planted@example.com', '--yes']);

  const all = outputs.join('\n');
  for (const secret of planted) expect(all).not.toContain(secret);
});
