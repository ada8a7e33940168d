/**
 * `keys list`: both credential layers. Cloud keys as the skill's list-api-keys shows them, with what it tells
 * agents to check (expiry, whether the key reaches Elasticsearch/Kibana at all); then each project's own
 * Elasticsearch API keys that still work; then every project whose keys could not be read, and why.
 */
import { keyExpiryStatus } from '../../domain/revoke.js';
import { layeredKeys } from '../../domain/project-keys.js';
import { accessSummary, hasApplicationRoles } from '../../domain/assignment-summary.js';
import type { CommandContext } from '../command-spec.js';
import { withSession } from './shared/connect.js';
import { createOutput, day, table } from './shared/output.js';
import { projectKeyJson, readBothLayers, unreadableJson } from './shared/project-keys.js';

export async function keysList(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  return withSession(ctx, async (session) => {
    const { cloud: keys, projects } = await readBothLayers(session);
    const now = new Date();
    const projectKeys = layeredKeys([], projects, now).flatMap((row) =>
      row.layer === 'project' ? [projectKeyJson(row, now)] : [],
    );
    const unreadable = unreadableJson(projects);
    for (const u of unreadable) out.note(`project ${u.project_name}: keys not readable: ${u.reason}`);
    out.result(
      {
        schema: 'ec-access/keys@1',
        keys: keys.map((k) => ({
          layer: 'cloud',
          id: k.id,
          description: k.description,
          creation_date: k.creation_date,
          expiration_date: k.expiration_date ?? null,
          expiry: keyExpiryStatus(k, now),
          user_id: k.user_id ?? null,
          role_assignments: k.role_assignments ?? {},
          stack_access: hasApplicationRoles(k.role_assignments),
        })),
        project_keys: projectKeys,
        unreadable_projects: unreadable,
      },
      () =>
        table(
          ['LAYER', 'DESCRIPTION', 'ID', 'CREATED', 'EXPIRES', 'ACCESS'],
          [
            ...keys.map((k) => [
              'Cloud',
              k.description,
              k.id,
              day(k.creation_date),
              `${k.expiration_date ? day(k.expiration_date) : 'never'} (${keyExpiryStatus(k, now)})`,
              `${accessSummary(k.role_assignments, true)}${hasApplicationRoles(k.role_assignments) ? '' : ' [cloud API only]'}`.trim(),
            ]),
            ...projectKeys.map((k) => [
              k.project_name,
              k.name ?? '',
              k.id,
              day(k.creation_date ?? undefined),
              `${k.expiration_date ? day(k.expiration_date) : 'never'} (${k.expiry})`,
              `project key of ${k.username}: ${Object.keys(k.role_descriptors).join(', ') || "creator's privileges"}`,
            ]),
            ...unreadable.map((u) => [u.project_name, `not readable: ${u.reason}`, '', '', '', '']),
          ],
        ),
    );
    return 0;
  });
}
