/** `projects list`: the ids, aliases and names `--project` accepts, and the endpoints custom roles live behind. */
import type { CommandContext } from '../command-spec.js';
import { withSession } from './shared/connect.js';
import { createOutput, table } from './shared/output.js';

export async function projectsList(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  return withSession(ctx, async (session) => {
    const projects = await session.projects();
    out.result(
      {
        schema: 'ec-access/projects@1',
        projects: projects.map((p) => ({
          id: p.id,
          name: p.name,
          alias: p.alias,
          type: p.type,
          region_id: p.region_id,
          endpoints: { elasticsearch: p.endpoints.elasticsearch, kibana: p.endpoints.kibana },
        })),
      },
      () =>
        table(
          ['NAME', 'TYPE', 'ALIAS', 'REGION', 'ID'],
          projects.map((p) => [p.name, p.type, p.alias, p.region_id, p.id]),
        ),
    );
    return 0;
  });
}
