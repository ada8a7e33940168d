/** Each browse screen in its five states: loading, empty, error, populated, filtered. */
import { describe, expect, it } from 'vitest';
import { apiError, createFakeCloud } from './helpers/fake-cloud.js';
import { orgData } from './helpers/fixtures.js';
import { KEY, renderApp } from './helpers/render-app.js';

const EMPTY = orgData({ members: [], invitations: [], keys: [], projects: [], projectRoles: {} });

describe('members screen', () => {
  it('shows a loading state with a spinner line while requests are in flight', async () => {
    const cloud = createFakeCloud(orgData());
    cloud.hold(true);
    const app = await renderApp({ cloud });
    expect(app.frame()).toContain('Loading…');
    expect(app.frame()).toMatch(/Loading organization, members, invitations…/);
    cloud.hold(false);
    cloud.releaseAll();
    await app.waitFor('dan@acme.test');
  });

  it('lists members and invitations with roles, access summary and invitation expiry', async () => {
    const app = await renderApp({ size: { columns: 120, rows: 30 } });
    await app.waitFor('dan@acme.test');
    const frame = app.frame();
    expect(frame).toContain('Members[6]');
    expect(frame).toMatch(/dan@acme\.test\s+Dan Developer\s+es:developer\(2\) obs:viewer\(all\)/);
    expect(frame).toMatch(/ana@acme\.test.*es:viewer\(2\) \+custom/);
    expect(frame).toMatch(/olivia@acme\.test.*Org owner/);
    expect(frame).toMatch(/newbie@acme\.test\s+\(pending\).*invited in 2d/);
    expect(frame).toMatch(/late@acme\.test.*✗ invite expired/);
  });

  it('says when there is nobody', async () => {
    const app = await renderApp({ data: EMPTY });
    await app.waitFor('No members or pending invitations.');
  });

  it('shows the API error with its hint and how to retry, then recovers on r', async () => {
    const cloud = createFakeCloud(orgData());
    cloud.failWith('listMembers', apiError('The organization was not found', 'Check --org', 404));
    const app = await renderApp({ cloud });
    await app.waitFor('Loading members failed: The organization was not found — Check --org · r to retry');
    expect(app.frame()).not.toMatch(/at .*\.ts:\d+/);
    cloud.failWith('listMembers', undefined);
    await app.press('r');
    await app.waitFor('dan@acme.test');
  });

  it('filters as you type, keeps the filter on enter, clears it on esc', async () => {
    const app = await renderApp();
    await app.waitFor('dan@acme.test');
    await app.press('/');
    await app.type('olivia');
    await app.waitFor('Members[1/6]');
    expect(app.frame()).toContain('/olivia');
    expect(app.frame()).not.toContain('dan@acme.test');
    await app.press(KEY.enter);
    // The list's footer (its esc clears the kept filter) rather than the filter's.
    await app.waitUntil(
      (f) => f.includes('clear filter') && !f.includes('keep filter'),
      'the list with the filter kept',
    );
    expect(app.frame()).toContain('Members[1/6]');
    // Back in list mode, letters are commands again: j moves instead of typing.
    await app.press('j');
    expect(app.frame()).toContain('/olivia');
    expect(app.frame()).not.toContain('/oliviaj');
    await app.press(KEY.escape);
    await app.waitFor('Members[6]');
    expect(app.frame()).toContain('dan@acme.test');
  });

  it('says when the filter matches nothing, and backspace widens it again', async () => {
    const app = await renderApp();
    await app.waitFor('dan@acme.test');
    await app.press('/');
    await app.type('zzqx');
    await app.waitFor('No matches for "zzqx"');
    await app.press(KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace);
    await app.waitFor('Members[6]');
  });

  it('opens details with every assignment, resolved project names and unknown ids flagged', async () => {
    const app = await renderApp({ filter: 'ana@' });
    await app.waitFor('ana@acme.test');
    await app.press(KEY.enter);
    await app.waitFor('Member: ana@acme.test');
    const frame = app.frame();
    expect(frame).toMatch(/Member since\s+2026-10-31 12:00 UTC \(20d ago\)/);
    expect(frame).toContain('search-prod (elasticsearch)');
    expect(frame).toContain('p-gone (unknown project)');
    expect(frame).toContain('application_roles: marketing-analyst (custom)');
    await app.press(KEY.escape);
    await app.waitFor('Members[1/6]');
  });
});

describe('projects screen', () => {
  it('lists all three project types', async () => {
    const app = await renderApp({ screen: 'projects' });
    await app.waitFor('siem');
    const frame = app.frame();
    expect(frame).toContain('Projects[4]');
    for (const type of ['elasticsearch', 'observability', 'security']) expect(frame).toContain(type);
    expect(frame).toMatch(/search-staging\s+search-staging-a1b2c3\s+aws-us-east-1\s+10d ago/);
  });

  it('shows an empty state and a per-type error', async () => {
    const cloud = createFakeCloud(EMPTY);
    cloud.failWith('listProjects', apiError('Unauthorized', 'Check EC_API_KEY', 401));
    const app = await renderApp({ cloud, screen: 'projects' });
    await app.waitFor('Loading elasticsearch projects failed: Unauthorized — Check EC_API_KEY · r to retry');
    expect(app.frame()).toContain('Could not load elasticsearch projects');
    const empty = await renderApp({ data: EMPTY, screen: 'projects' });
    await empty.waitFor('No Serverless projects in this organization.');
  });

  it('details show endpoints, who has access with the giving role, and custom roles', async () => {
    const app = await renderApp({ screen: 'projects', filter: 'search-prod', size: { columns: 120, rows: 60 } });
    await app.waitFor('search-prod');
    await app.press(KEY.enter);
    await app.waitFor('marketing-writer');
    const frame = app.frame();
    expect(frame).toContain('https://search-prod.es.us-east-1.aws.elastic.cloud');
    expect(frame).toMatch(/Olivia Owner\s+admin/);
    expect(frame).toMatch(/Dan Developer\s+developer/);
    expect(frame).toMatch(/Ana Analyst\s+marketing-analyst/);
    expect(frame).toMatch(/CI ingest\s+developer/);
    expect(frame).toContain('Custom roles');
  });
});

describe('roles screen', () => {
  it('lists the predefined catalog, then custom roles per project, then why some are unknown', async () => {
    const cloud = createFakeCloud(orgData());
    const app = await renderApp({ cloud, screen: 'roles', size: { columns: 120, rows: 60 } });
    await app.waitFor('marketing-analyst');
    const frame = app.frame();
    expect(frame).toMatch(/organization\s+Organization owner\s+organization-admin/);
    expect(frame).toMatch(/elasticsearch\s+Developer\s+elasticsearch-developer\s+Create indices/);
    expect(frame).toMatch(/custom\s+marketing-analyst\s+search-prod/);
  });

  it('filters to custom roles and opens one: descriptor via Elasticsearch, and who holds it', async () => {
    const { createFakeEs } = await import('./helpers/fake-cloud.js');
    const es = createFakeEs('p-search', {
      'marketing-analyst': {
        cluster: [],
        metadata: {},
        indices: [
          {
            names: ['marketing-*'],
            privileges: ['read'],
            field_security: { except: ['ssn'] },
            query: '{"term":{"team":"m"}}',
          },
        ],
        applications: [
          { application: 'kibana-.kibana', privileges: ['feature_discover.read'], resources: ['space:marketing'] },
        ],
      },
    });
    const app = await renderApp({
      screen: 'roles',
      size: { columns: 120, rows: 40 },
      esAccess: () => ({ api: es, credential: 'ELASTICSEARCH_API_KEY' }),
    });
    await app.waitFor('marketing-analyst');
    await app.press('/');
    // Letters in order within a word of the name, one filter word per name word.
    await app.type('mrk analyst');
    await app.press(KEY.enter, KEY.enter);
    await app.waitFor('marketing-*');
    const frame = app.frame();
    expect(frame).toContain('Custom role: marketing-analyst in search-prod');
    expect(frame).toContain('fields except: ssn');
    expect(frame).toContain('documents (DLS): {"term":{"team":"m"}}');
    expect(frame).toContain('feature_discover.read in space marketing');
    expect(frame).toMatch(/member\s+Ana Analyst/);
  });

  it('shows the exact reason when custom roles cannot be listed', async () => {
    const cloud = createFakeCloud(orgData());
    cloud.failWith('getProjectRoles', apiError('Not found', undefined, 404));
    const app = await renderApp({ cloud, screen: 'roles', filter: 'unavailable', size: { columns: 100, rows: 30 } });
    await app.waitFor('(unavailable)');
    await app.press(KEY.enter);
    await app.waitFor('Cloud roles endpoint failed (Not found); no Elasticsearch access configured');
  });
});

describe('keys screen', () => {
  it('marks expired and soon-expiring keys with a symbol and Cloud-only keys', async () => {
    const app = await renderApp({ screen: 'keys' });
    await app.waitFor('CI ingest');
    const frame = app.frame();
    expect(frame).toMatch(/old deploy key\s+2mo ago\s+✗ expired 2d ago\s+org:billing\s+Cloud-only/);
    expect(frame).toMatch(/CI ingest\s+5d ago\s+! in 3d\s+es:developer\(all\)\s+Cloud\+ES/);
    expect(frame).toMatch(/sandbox owner key\s+1mo ago\s+never\s+org:owner\s+Cloud-only/);
    expect(frame).toContain('sort:expiry');
  });

  it('opens on a filter (the incident path) and shows full assignments in details', async () => {
    const app = await renderApp({ screen: 'keys', filter: 'etl' });
    await app.waitFor('marketing ETL');
    expect(app.frame()).toContain('Keys[1/4]');
    await app.press(KEY.enter);
    await app.waitFor('API key: marketing ETL');
    const frame = app.frame();
    expect(frame).toContain('application_roles: marketing-writer (custom)');
    expect(frame).toContain('search-prod (elasticsearch)');
  });

  it('shows empty and error states', async () => {
    const empty = await renderApp({ data: EMPTY, screen: 'keys' });
    await empty.waitFor('No API keys.');
    const cloud = createFakeCloud(orgData());
    cloud.failWith('listApiKeys', apiError('Forbidden', 'Only organization owners can manage API keys', 403));
    const failing = await renderApp({ cloud, screen: 'keys' });
    await failing.waitFor(
      'Loading API keys failed: Forbidden — Only organization owners can manage API keys · r to retry',
    );
  });
});
