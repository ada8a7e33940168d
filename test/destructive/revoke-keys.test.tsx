/**
 * Revoking keys against the real sandbox: the incident path (keys --filter, a, d, type, enter), a wrong phrase
 * that keeps the button locked, and a bulk revoke where the sandbox refuses some ids.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEY } from '../support/ink-driver.js';
import { startSandboxApp, type SandboxApp } from '../support/sandbox-app.js';

let app: SandboxApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const liveKeys = async (a: SandboxApp) => (await a.cloud.listApiKeys()).map((k) => k.description);

describe('revoking keys', () => {
  it('incident path: filter, a, d, type "revoke N", enter revokes every match in one request', async () => {
    app = await startSandboxApp({ screen: 'keys', filter: 'Grafana' });
    await app.waitFor('Grafana dashboards');
    await app.press('a');
    await app.waitFor('2 marked');
    expect(app.frame()).toMatch(/▶•\s*Cloud\s+Grafana dashboards/);
    await app.press('d');
    await app.waitFor('Type revoke 2 to confirm');
    expect(app.frame()).toContain('DELETE http://127.0.0.1');
    await app.type('revoke 2');
    await app.waitFor('unlocked: enter sends it');
    await app.press(KEY.enter);
    await app.waitFor('Result, key by key');
    const frame = app.frame();
    expect(frame.match(/✓ revoked/g)).toHaveLength(2);
    expect(frame).toContain('from the key list re-read after the call');

    const writes = await app.writes();
    expect(writes).toHaveLength(1);
    expect(writes[0]!.method).toBe('DELETE');
    expect(writes[0]!.url).toBe('/api/v1/users/auth/keys');
    expect(JSON.parse(writes[0]!.body!)).toMatchObject({ keys: [expect.any(String), expect.any(String)] });
    expect(await liveKeys(app)).not.toContain('Grafana dashboards');

    await app.press(KEY.enter);
    await app.waitFor('Revoked 2 keys (verified)');
    expect(app.frame()).toContain('No matches for "Grafana"');
  });

  it('a wrong phrase keeps the button locked and sends nothing; esc cancels', async () => {
    app = await startSandboxApp({ screen: 'keys', filter: 'Marketing ETL' });
    await app.waitFor('Marketing ETL');
    await app.press('d');
    await app.waitFor('Type Marketing ETL to confirm');
    await app.type('marketing etl');
    expect(app.frame()).toContain('locked until the text matches');
    await app.press(KEY.enter);
    await app.waitFor('does not match; type exactly: Marketing ETL');
    await app.press('y', KEY.enter);
    expect(await app.writes()).toEqual([]);
    await app.press(KEY.escape);
    await app.waitFor('sort:expiry');
    expect(await app.writes()).toEqual([]);
    expect(await liveKeys(app)).toContain('Marketing ETL');
  });

  it('partial failure: each key gets its verdict and the keys that still work are listed and stay marked', async () => {
    app = await startSandboxApp({ screen: 'keys' });
    await app.waitFor('Grafana dashboards');
    const keys = await app.cloud.listApiKeys();
    const refused = keys.find((k) => k.description === 'Marketing ETL')!;
    await app.fault({ kind: 'key-delete', ids: [refused.id], status: 500 });

    await app.press(KEY.escape);
    // Mark Marketing ETL and both Grafana keys by filtering for each.
    for (const filter of ['Grafana', 'Marketing']) {
      await app.press('/');
      await app.type(filter);
      await app.press(KEY.enter, 'a', KEY.escape);
    }
    await app.waitFor('3 marked');
    await app.press('d');
    await app.waitFor('Type revoke 3 to confirm');
    await app.type('revoke 3');
    await app.press(KEY.enter);
    await app.waitFor('Result, key by key');
    const frame = app.frame();
    expect(frame.match(/✓ revoked/g)).toHaveLength(2);
    expect(frame).toMatch(/✗ failed\s+Marketing ETL/);
    expect(frame).toContain('Still active, these keys still work (1)');
    expect(frame).toMatch(/Still active[^\n]*\n[^\n]*Marketing ETL/);
    expect(await app.writes()).toHaveLength(1);

    await app.press(KEY.escape);
    await app.waitFor('1 marked');
    expect(app.frame()).toContain('still active: Marketing ETL');
    expect(app.frame()).toMatch(/•\s*Cloud\s+Marketing ETL/);
  });
});
