/**
 * Project (Elasticsearch) API keys in the TUI against the real sandbox: the keys screen shows them with their
 * project as LAYER, and a project's details list its own keys with what their descriptors grant.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEY } from '../support/ink-driver.js';
import { startSandboxApp, type SandboxApp } from '../support/sandbox-app.js';

let app: SandboxApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

describe('project keys in the TUI', () => {
  it('the keys screen lists them by project, and their details show creator and privileges', async () => {
    app = await startSandboxApp({ screen: 'keys', filter: 'break-glass' });
    await app.waitFor('ops-break-glass');
    expect(app.frame()).toMatch(/search-prod\s+ops-break-glass/);
    expect(app.frame()).toContain('superuser-like (all)');
    await app.press(KEY.enter);
    await app.waitFor('Privileges');
    expect(app.frame()).toContain('project key of search-prod');
    expect(app.frame()).toContain('superuser-like: all on the cluster or every index');
  });

  it("a project's details list its own keys with what they grant", async () => {
    app = await startSandboxApp({ screen: 'projects', filter: 'search-prod' });
    await app.waitFor('search-prod');
    await app.press(KEY.enter);
    await app.waitFor('Who has access here');
    // Below the members, invitations and Cloud keys: scroll down to it.
    for (let i = 0; i < 30 && !app.frame().includes('ops-break-glass'); i++) await app.press(KEY.down);
    await app.waitFor('Project API keys, made inside this project (4)');
    const frame = app.frame();
    expect(frame).toMatch(/logstash-ingest\s+\S+\s+logs-\*: create_doc,create_index/);
    expect(frame).toMatch(/ops-break-glass\s+\S+\s+superuser-like: all/);
  });
});
