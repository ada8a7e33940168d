/**
 * `keys list`: the skill's list-api-keys, with what the skill tells agents to check before creating a key:
 * expiry and whether the key reaches Elasticsearch/Kibana at all (no application_roles = Cloud API only).
 */
import { keyExpiryStatus } from '../../domain/revoke.js';
import { accessSummary, hasApplicationRoles } from '../../../screens/assignments.js';
import type { CommandContext } from '../dispatch.js';
import { withSession } from './shared/connect.js';
import { createOutput, day, table } from './shared/output.js';

export async function keysList(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  return withSession(ctx, async (session) => {
    const keys = await session.cloud.listApiKeys();
    const now = new Date();
    out.result(
      {
        schema: 'ec-access/keys@1',
        keys: keys.map((k) => ({
          id: k.id,
          description: k.description,
          creation_date: k.creation_date,
          expiration_date: k.expiration_date ?? null,
          expiry: keyExpiryStatus(k, now),
          user_id: k.user_id ?? null,
          role_assignments: k.role_assignments ?? {},
          stack_access: hasApplicationRoles(k.role_assignments),
        })),
      },
      () =>
        table(
          ['DESCRIPTION', 'ID', 'CREATED', 'EXPIRES', 'ACCESS'],
          keys.map((k) => [
            k.description,
            k.id,
            day(k.creation_date),
            `${k.expiration_date ? day(k.expiration_date) : 'never'} (${keyExpiryStatus(k, now)})`,
            `${accessSummary(k.role_assignments, true)}${hasApplicationRoles(k.role_assignments) ? '' : ' [cloud API only]'}`.trim(),
          ]),
        ),
    );
    return 0;
  });
}
