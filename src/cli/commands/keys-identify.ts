/**
 * `keys identify`: from a leaked value (what a secret scanner reports) to the key, so it can be revoked.
 * The value comes from stdin or a prompt that does not echo, never from an argument (shell history, `ps`), and
 * it is never printed, logged, audited or written anywhere: only the key's id, layer and owner come out.
 */
import { identifyKey, type Identified } from '../../domain/identify-key.js';
import { layerLabel, layeredKeys } from '../../domain/project-keys.js';
import { keyExpiryStatus } from '../../domain/revoke.js';
import { authenticateAnywhere } from '../../state/authenticate-as.js';
import { UsageError } from '../args.js';
import type { CommandContext } from '../command-spec.js';
import { EXIT_FAILURE } from '../exit-codes.js';
import { withSession } from './shared/connect.js';
import { createOutput } from './shared/output.js';
import { projectKeyJson, readBothLayers } from './shared/project-keys.js';
import { readSecretInput } from './shared/secret-input.js';

export async function keysIdentify(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  if (ctx.args.length > 0) {
    throw new UsageError(
      'keys identify never takes the key as an argument (shell history and the process list would keep it; treat it as exposed there too): pipe it on stdin or type it at the prompt',
    );
  }
  const value = await readSecretInput(ctx, 'Paste the leaked key (not shown), then enter: ');
  if (value === undefined || value.reveal() === '') throw new UsageError('no key value on stdin');

  return withSession(ctx, async (session) => {
    const both = await readBothLayers(session);
    const now = new Date();
    const rows = layeredKeys(both.cloud, both.projects, now, true);
    const members = await session.cloud.listMembers(session.orgId).catch(() => []);
    const result: Identified = await identifyKey(value.reveal(), rows, () =>
      authenticateAnywhere(
        both.projects.map((p) => p.project),
        (project) => session.esWithKey(project, value).authenticate(),
      ),
    );
    if (result.kind === 'not-found') {
      out.note(`not identified: ${result.reason}`);
      out.result(
        { schema: 'ec-access/identify@1', found: false, reason: result.reason, key: null },
        () => `not identified: ${result.reason}`,
      );
      return EXIT_FAILURE;
    }
    const { row, method } = result;
    const ownerId = row.layer === 'cloud' ? (row.key.user_id ?? null) : row.key.username;
    const owner = members.find((m) => m.user_id === ownerId);
    const key =
      row.layer === 'cloud'
        ? {
            layer: 'cloud' as const,
            id: row.id,
            name: row.name,
            project_id: null,
            project_name: null,
            expiry: keyExpiryStatus(row.key, now),
          }
        : projectKeyJson(row, now);
    // An ES id may start with '-', which a flag parser would take for an option.
    const revoke = `ec-access keys revoke --ids${row.id.startsWith('-') ? '=' : ' '}${row.id}`;
    out.result(
      {
        schema: 'ec-access/identify@1',
        found: true,
        method,
        key: {
          ...key,
          owner: { user_id: ownerId, email: owner?.email ?? null, member: owner !== undefined },
        },
        revoke_command: revoke,
      },
      () =>
        [
          `id       ${row.id}`,
          `layer    ${layerLabel(row)}`,
          `project  ${row.layer === 'project' ? `${row.project.name} (${row.project.id})` : '-'}`,
          `name     ${row.name}`,
          `owner    ${owner?.email ?? ownerId ?? 'unknown'}${owner || ownerId === null ? '' : ' (no longer a member)'}`,
          `status   ${key.expiry}`,
          '',
          `revoke:  ${revoke}`,
        ].join('\n'),
    );
    return 0;
  });
}
