import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CloudErrorEnvelope, Project, ProjectRolesByProjectId } from '../../src/api/schemas.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { anyOf } from '../support/matchers.js';
import { withSandbox, call, cloudClient, failure, projectNamed } from './helpers.js';

let sb: RunningSandbox;
withSandbox('file', (started) => {
  sb = started;
});

describe('Serverless projects', () => {
  it('lists projects of each type with ids, suffixed aliases and endpoints on this sandbox', async () => {
    const counts: Record<string, number> = {};
    for (const type of ['elasticsearch', 'observability', 'security'] as const) {
      const projects = await cloudClient(sb).listProjects(type);
      counts[type] = projects.length;
      for (const p of projects) {
        expect(p.type).toBe(type);
        expect(p.id).toMatch(/^[a-z0-9]{32}$/);
        expect(p.alias).toMatch(/^[a-z][a-z0-9-]*-[0-9a-f]{6}$/);
        expect(p.alias.length).toBeGreaterThanOrEqual(8);
        expect(p.endpoints.elasticsearch).toBe(`${sb.baseUrl}/_es/${p.id}`);
        expect(p.metadata.organization_id).toBe(sb.organizationId);
      }
    }
    expect(counts).toEqual({ elasticsearch: 3, observability: 2, security: 2 });
    const obs = (await cloudClient(sb).listProjects('observability'))[0]!;
    expect(obs.endpoints.apm).toBeTruthy();
    expect(obs.endpoints.ingest).toBeTruthy();
  });

  it('gets one project with an ETag, and 404 in the MultiErrorResponse shape otherwise', async () => {
    const prod = await projectNamed(sb, 'search-prod');
    const answer = await call(sb, 'GET', `/api/v1/serverless/projects/elasticsearch/${prod.id}`);
    expect(answer.headers.get('etag')).toBeTruthy();
    expect(answer.json).toMatchObject({ optimized_for: 'general_purpose' });
    const wrongType = await call(sb, 'GET', `/api/v1/serverless/projects/security/${prod.id}`);
    expect(wrongType.status).toBe(404);
    expect(wrongType.json).toEqual({ errors: [{ message: anyOf(String), code: 'project.not_found' }] });
    expect((await failure(cloudClient(sb).getProject('elasticsearch', 'f'.repeat(32)))).status).toBe(404);
  });

  it('lists the custom roles of a project, keyed by project id', async () => {
    const prod = await projectNamed(sb, 'search-prod');
    const answer = await call(sb, 'GET', `/api/v1/serverless/projects/elasticsearch/${prod.id}/roles`);
    expect(Object.keys(answer.as(ProjectRolesByProjectId))).toEqual([prod.id]);
    const names = (await cloudClient(sb).getProjectRoles('elasticsearch', prod.id)).map((r) => r.name).sort();
    expect(names).toEqual(['dashboard-reader', 'marketing-reader']);
    const staging = await projectNamed(sb, 'search-staging');
    expect(await cloudClient(sb).getProjectRoles('elasticsearch', staging.id)).toEqual([]);
  });

  it('reports status and regions', async () => {
    const soc = await projectNamed(sb, 'soc-main');
    expect((await call(sb, 'GET', `/api/v1/serverless/projects/security/${soc.id}/status`)).json).toMatchObject({
      phase: 'initialized',
    });
    const regions = await call(sb, 'GET', '/api/v1/serverless/regions');
    expect(Array.isArray(regions.json)).toBe(true);
    expect(regions.as(z.array(z.unknown()))[0]).toMatchObject({
      id: anyOf(String),
      csp: anyOf(String),
      project_creation_enabled: true,
    });
    expect((await call(sb, 'GET', '/api/v1/serverless/regions/aws-us-east-1')).json).toMatchObject({
      csp_region: 'us-east-1',
    });
  });

  it('needs a key (401 MultiErrorResponse)', async () => {
    const answer = await call(sb, 'GET', '/api/v1/serverless/projects/elasticsearch', { key: null });
    expect(answer.status).toBe(401);
    expect(answer.as(CloudErrorEnvelope).errors[0]).toEqual({ message: anyOf(String), code: anyOf(String) });
  });

  it('creates a project with the real POST (owner only) and returns credentials once', async () => {
    const created = await call(sb, 'POST', '/api/v1/serverless/projects/observability', {
      body: { name: 'New Obs', region_id: 'gcp-us-central1' },
    });
    expect(created.status).toBe(201);
    const project = created.as(Project);
    expect(created.json).toMatchObject({ credentials: { username: 'admin' } });
    expect(project.alias).toMatch(/^new-obs-[0-9a-f]{6}$/);
    expect((await call(sb, 'GET', `/api/v1/serverless/projects/observability/${project.id}`)).json).not.toHaveProperty(
      'credentials',
    );
    const refused = await call(sb, 'POST', '/api/v1/serverless/projects/observability', {
      key: sb.viewerKey,
      body: { name: 'x', region_id: 'gcp-us-central1' },
    });
    expect(refused.status).toBe(403);
    const bad = await call(sb, 'POST', '/api/v1/serverless/projects/observability', {
      body: { name: 'x', region_id: 'mars-1' },
    });
    expect(bad.status).toBe(400);
  });
});
