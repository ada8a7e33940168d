/**
 * The UI fixture organization plus two people with the access problems the matrix and the doctor must show:
 * an application_roles entry naming a custom role search-prod does not have, and a predefined role on top of a
 * custom one (over-grant). The fixture already holds a single owner, a never-expiring Cloud-only key, an expired key
 * and an expired invitation.
 */
import type { Member } from '../../src/api/schemas.js';
import type { FakeData } from '../ui/helpers/fake-cloud.js';
import { NOW, ORG, orgData } from '../ui/helpers/fixtures.js';

const since = new Date(NOW.getTime() - 50 * 86_400_000).toISOString();

export const GINA: Member = {
  organization_id: ORG.id,
  user_id: 'u-gina',
  member_since: since,
  name: 'Gina Ghost',
  email: 'gina@acme.test',
  role_assignments: {
    project: {
      elasticsearch: [
        {
          role_id: 'elasticsearch-viewer',
          organization_id: ORG.id,
          project_ids: ['p-search'],
          application_roles: ['ghost-role'],
        },
      ],
    },
  },
};

export const MAX: Member = {
  organization_id: ORG.id,
  user_id: 'u-max',
  member_since: since,
  name: 'Max Mixed',
  email: 'max@acme.test',
  role_assignments: {
    project: {
      elasticsearch: [
        { role_id: 'elasticsearch-developer', organization_id: ORG.id, project_ids: ['p-search'] },
        {
          role_id: 'elasticsearch-viewer',
          organization_id: ORG.id,
          project_ids: ['p-search'],
          application_roles: ['marketing-analyst'],
        },
      ],
    },
  },
};

export function seededOrg(): FakeData {
  const data = orgData();
  return { ...data, members: [...data.members, GINA, MAX] };
}
