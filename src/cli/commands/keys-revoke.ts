/**
 * `keys revoke`: the incident path, across both credential layers. Cloud keys go in one request (the fastest way
 * to stop them), then the Cloud list is re-read and domain/revoke.ts judges key by key what really happened;
 * project keys go in one invalidation per project, judged from its answer (invalidated now, already invalidated,
 * or not), or, when the answer was lost or unreadable, by reading each key again (src/state/project-revoke.ts). One
 * typed confirmation covers all of it. Exit 3 when some keys still work, 4 when whether some were revoked is still
 * unknown after the re-read.
 */
import { isApiError } from '../../api/errors.js';
import type { WriteOutcome } from '../../api/outcome.js';
import { cloudRequests, esRequests, type ApiRequest } from '../../api/requests.js';
import type { ApiKey } from '../../api/schemas.js';
import { confirmationPhrase, extraWarnings } from '../../domain/confirm.js';
import { keysMatching } from '../../domain/intent/resolve.js';
import { layerLabel, layeredKeys, unreadableProjects, type LayeredKey } from '../../domain/project-keys.js';
import { revokeOutcome, type RevokeInput, type RevokeStatus } from '../../domain/revoke.js';
import { revokeProjectKeys, verifyResultOf } from '../../state/project-revoke.js';
import { UsageError } from '../args.js';
import type { CommandContext } from '../command-spec.js';
import { EXIT_UNKNOWN } from '../exit-codes.js';
import { withSession, type Session } from './shared/connect.js';
import { list, oneOf, text } from './shared/flags.js';
import { createOutput, table } from './shared/output.js';
import { readBothLayers, type BothLayers } from './shared/project-keys.js';
import { keysOnlySnapshot } from './shared/snapshot.js';
import { beforeSending, exitFor, requestJson } from './shared/writes.js';

type ProjectRow = Extract<LayeredKey, { layer: 'project' }>;

function notReadable(both: BothLayers): string {
  const names = unreadableProjects(both.projects).map((u) => u.project.name);
  return names.length > 0 ? `; keys of ${names.join(', ')} could not be read` : '';
}

/** `--ids` or `--filter`, read before connecting; matched against both layers once they are loaded. */
function keySelector(ctx: CommandContext): (both: BothLayers, now: Date) => LayeredKey[] {
  if (oneOf(ctx.values, ['ids', 'filter']) === 'filter') {
    const pattern = text(ctx.values, 'filter')!;
    return (both, now) => {
      const rows = layeredKeys(both.cloud, both.projects, now);
      // The same matcher as Cloud descriptions, over both layers' names.
      const asNamed = rows.map((r): ApiKey => ({ id: r.id, description: r.name, creation_date: '' }));
      const ids = new Set(keysMatching(asNamed, pattern).map((k) => k.id));
      const matched = rows.filter((r) => ids.has(r.id));
      if (matched.length === 0)
        throw new UsageError(`no API key name matches "${pattern}" (see ec-access keys list)${notReadable(both)}`);
      return matched;
    };
  }
  const ids = list(ctx.values, 'ids')!;
  return (both, now) => {
    // Invalidated project keys are still listed, so revoking one again reports "already invalidated".
    const rows = layeredKeys(both.cloud, both.projects, now, true);
    const unknown = ids.filter((id) => !rows.some((r) => r.id === id));
    if (unknown.length > 0)
      throw new UsageError(`no API key with id ${unknown.join(', ')} (see ec-access keys list)${notReadable(both)}`);
    return ids.map((id) => rows.find((r) => r.id === id)!);
  };
}

function phrase(targets: readonly LayeredKey[], listed: readonly ApiKey[]): string {
  const [only] = targets;
  if (targets.length !== 1 || !only) return confirmationPhrase({ kind: 'bulk', verb: 'revoke', count: targets.length });
  // A project key's name is not unique across projects; its id is.
  return only.layer === 'cloud'
    ? confirmationPhrase({ kind: 'revoke-key', key: only.key, listedKeys: listed })
    : only.id;
}

interface KeyResult {
  readonly layer: 'cloud' | 'project';
  readonly id: string;
  readonly description: string | null;
  readonly project_id: string | null;
  readonly project_name: string | null;
  readonly status: RevokeStatus;
  /** The write outcome every command reports (revoked or already gone: done). */
  readonly outcome: WriteOutcome;
  readonly reason: string | null;
}

const outcomeOf = (status: RevokeStatus): WriteOutcome =>
  status === 'revoked' || status === 'already-gone' ? 'done' : status;

async function revokeCloud(session: Session, request: ApiRequest, targets: ApiKey[], before: ApiKey[]) {
  let result: RevokeInput['result'];
  try {
    await session.send(request);
    result = { ok: true };
  } catch (error) {
    if (!isApiError(error)) throw error;
    result = { ok: false, error };
  }
  const after = await session.cloud.listApiKeys().catch(() => undefined);
  const outcome = revokeOutcome({ requested: targets.map((k) => k.id), before, result, ...(after ? { after } : {}) });
  return outcome.keys.map((k): KeyResult => ({
    layer: 'cloud',
    id: k.id,
    description: k.key?.description ?? null,
    project_id: null,
    project_name: null,
    status: k.status,
    outcome: outcomeOf(k.status),
    reason: k.reason ?? null,
  }));
}

async function revokeInProject(session: Session, request: ApiRequest, rows: ProjectRow[]) {
  const { outcomes, reread } = await revokeProjectKeys(
    (r) => session.send(r),
    request,
    rows.map((r) => r.id),
  );
  const verdict = reread ? verifyResultOf(outcomes) : undefined;
  if (verdict)
    session.recordVerify(
      request,
      verdict,
      `re-read ${rows.length} key${rows.length === 1 ? '' : 's'}: ${outcomes.map((o) => `${o.id} ${o.status}`).join(', ')}`,
    );
  return outcomes.map((o, i): KeyResult => {
    const row = rows[i]!;
    return {
      layer: 'project',
      id: o.id,
      description: row.name,
      project_id: row.project.id,
      project_name: row.project.name,
      status: o.status,
      outcome: outcomeOf(o.status),
      reason: o.reason ?? null,
    };
  });
}

export async function keysRevoke(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  const select = keySelector(ctx);
  return withSession(ctx, async (session) => {
    const both = await readBothLayers(session);
    const targets = select(both, new Date());
    const cloudTargets = targets.flatMap((t) => (t.layer === 'cloud' ? [t.key] : []));
    const byProject = new Map<string, ProjectRow[]>();
    for (const t of targets)
      if (t.layer === 'project') byProject.set(t.project.id, [...(byProject.get(t.project.id) ?? []), t]);

    const cloudRequest =
      cloudTargets.length > 0 ? cloudRequests.deleteApiKeys(cloudTargets.map((k) => k.id)) : undefined;
    const projectRequests = [...byProject.values()].map((rows) => ({
      rows,
      request: esRequests.invalidateApiKeys(
        rows[0]!.project.id,
        rows.map((r) => r.id),
        rows[0]!.project.name,
      ),
    }));
    // Sending to a project's Elasticsearch needs its client ready (session.es caches it by project).
    for (const { rows } of projectRequests) session.es(rows[0]!.project);
    const requests = [...(cloudRequest ? [cloudRequest] : []), ...projectRequests.map((p) => p.request)];

    const keyIds = cloudTargets.map((k) => k.id);
    const stop = await beforeSending(ctx, session, out, {
      operation: ctx.name,
      requests,
      warnings: extraWarnings({ kind: 'revoke-keys', keyIds }, keysOnlySnapshot(session, both.cloud), {
        selfKeyId: session.selfKeyId,
      }).map((w) => w.message),
      confirm: {
        actions: targets.map((k) => `revoke ${layerLabel(k)} API key "${k.name}" (${k.id})`),
        phrase: phrase(targets, both.cloud),
      },
    });
    if (stop !== undefined) return stop;

    const results: KeyResult[] = [];
    if (cloudRequest) results.push(...(await revokeCloud(session, cloudRequest, cloudTargets, both.cloud)));
    for (const { rows, request } of projectRequests) results.push(...(await revokeInProject(session, request, rows)));
    for (const r of results.filter((x) => x.status === 'failed' || x.status === 'unknown'))
      out.note(`${r.id} (${r.project_name ?? 'Cloud'}): ${r.status}: ${r.reason ?? ''}`);

    const [first] = requests;
    out.result(
      {
        schema: 'ec-access/revoke@1',
        operation: ctx.name,
        request: first ? requestJson(session, first, false) : null,
        requests: requests.map((r) => requestJson(session, r, false)),
        results,
        still_active: results.filter((r) => r.status === 'failed').map((r) => r.id),
        maybe_active: results.filter((r) => r.status === 'unknown').map((r) => r.id),
        complete: results.every((r) => r.outcome === 'done'),
      },
      () =>
        table(
          ['STATUS', 'LAYER', 'ID', 'DESCRIPTION', 'REASON'],
          results.map((r) => [r.status, r.project_name ?? 'Cloud', r.id, r.description ?? '-', r.reason ?? '']),
        ),
    );
    if (results.some((r) => r.outcome === 'unknown')) return EXIT_UNKNOWN;
    return exitFor(results.filter((r) => r.outcome === 'done').length, results.length);
  });
}
