import { describe, expect, it } from 'vitest';
import {
  deploymentNamer,
  deploymentRegion,
  goneDeploymentIds,
  whoCanReachDeployment,
} from '../../src/domain/deployments.js';
import { deployment, deploymentRole, orgRole, orgWith, projectRole, roles } from '../fixtures/org.js';

const SHOP = deployment('dep-shop', 'ecommerce-search');
const LOGS = deployment('dep-logs', 'logging-cluster', 'aws-eu-west-1');

describe('deploymentRegion', () => {
  it('is where the Elasticsearch cluster runs, else the first part', () => {
    expect(deploymentRegion(LOGS)).toBe('aws-eu-west-1');
    const kibanaFirst = [
      { id: 'k', kind: 'kibana', ref_id: 'main-kibana', region: 'r-kibana' },
      { id: 'e', kind: 'elasticsearch', ref_id: 'main-elasticsearch', region: 'r-es' },
    ];
    expect(deploymentRegion({ ...SHOP, resources: kibanaFirst })).toBe('r-es');
    expect(deploymentRegion({ ...SHOP, resources: [{ id: 'x', kind: 'apm', ref_id: 'a', region: 'r1' }] })).toBe('r1');
    expect(deploymentRegion({ ...SHOP, resources: [] })).toBeUndefined();
  });
});

describe('deploymentNamer', () => {
  it('names known ids and leaves unknown ones (and a missing list) as ids', () => {
    const name = deploymentNamer([SHOP, LOGS]);
    expect([name('dep-shop'), name('dep-logs'), name('dep-gone')]).toEqual([
      'ecommerce-search',
      'logging-cluster',
      'dep-gone',
    ]);
    expect(deploymentNamer(undefined)('dep-shop')).toBe('dep-shop');
  });
});

describe('whoCanReachDeployment', () => {
  const snapshot = {
    ...orgWith()
      .owner('olga')
      .member('billy', orgRole('billing-admin'))
      .member('ada', deploymentRole('deployment-admin', 'all'))
      .member(
        'vic',
        roles(deploymentRole('deployment-viewer', ['dep-shop']), deploymentRole('deployment-editor', 'all')),
      )
      .member('pia', projectRole('elasticsearch', 'elasticsearch-admin', 'all'))
      .invitation('new@example.com', { roles: deploymentRole('deployment-viewer', ['dep-logs']) })
      .invitation('old@example.com', { roles: deploymentRole('deployment-viewer', 'all'), expired: true })
      .key('ci', { roles: deploymentRole('deployment-editor', ['dep-shop', 'dep-logs']) })
      .key('terraform', { roles: orgRole('organization-admin') })
      .key('expired', { roles: deploymentRole('deployment-admin', 'all'), expiresInDays: -1 })
      .build(),
    deployments: [SHOP, LOGS],
  };
  const reach = (id: string) =>
    whoCanReachDeployment(snapshot, id).map((h) => `${h.principal.kind} ${h.principal.label}: ${h.via} ${h.reason}`);

  it('lists owners, all: true grants and grants naming the deployment, members, invitations and keys alike', () => {
    expect(reach('dep-shop')).toEqual([
      'member olga: owner organization owner: every deployment',
      'member ada: all Deployment admin on all deployments',
      'member vic: direct Deployment viewer on this deployment',
      'member vic: all Deployment editor on all deployments',
      'key ci: direct Deployment editor on this deployment',
      'key terraform: owner organization owner: every deployment',
    ]);
  });

  it('leaves out other deployments’ grants, billing admins, project roles, expired keys and closed invitations', () => {
    const logs = reach('dep-logs');
    expect(logs).toContain('invitation new@example.com: direct Deployment viewer on this deployment');
    expect(logs.join('\n')).not.toMatch(/billy|pia|old@example.com|expired|vic: direct/);
  });
});

describe('goneDeploymentIds', () => {
  it('finds the ids an entry names that the list does not hold, never all: true entries', () => {
    const known = new Set(['dep-shop']);
    const assignments = roles(
      deploymentRole('deployment-viewer', ['dep-shop', 'dep-gone']),
      deploymentRole('deployment-admin', 'all'),
      deploymentRole('deployment-editor', ['dep-shop']),
    );
    const gone = goneDeploymentIds(assignments, known);
    expect(gone.map((g) => [g.entry.role_id, g.goneIds])).toEqual([['deployment-viewer', ['dep-gone']]]);
    expect(goneDeploymentIds({}, known)).toEqual([]);
  });
});
