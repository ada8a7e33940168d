/**
 * `keys revoke`: the incident path. All keys go in one request (the fastest way to stop leaked keys), then the
 * list is read again and domain/revoke.ts judges key by key what really happened, because a refused or
 * half-applied call must not read as "done". Exit 3 when some keys still work.
 */
import { isApiError } from '../../api/errors.js';
import { cloudRequests } from '../../api/requests.js';
import type { ApiKey } from '../../api/schemas.js';
import { extraWarnings } from '../../domain/confirm.js';
import { keysMatching } from '../../domain/intent/resolve.js';
import { revokeOutcome, type RevokeInput } from '../../domain/revoke.js';
import { UsageError } from '../args.js';
import type { CommandContext } from '../dispatch.js';
import { phraseFor } from './shared/confirm.js';
import { withSession } from './shared/connect.js';
import { list, oneOf, text } from './shared/flags.js';
import { createOutput, table } from './shared/output.js';
import { keysOnlySnapshot } from './shared/snapshot.js';
import { beforeSending, exitFor, requestJson } from './shared/writes.js';

/** `--ids` or `--filter`, read before connecting; matched against the key list once it is loaded. */
function keySelector(ctx: CommandContext): (keys: readonly ApiKey[]) => ApiKey[] {
  if (oneOf(ctx.values, ['ids', 'filter']) === 'filter') {
    const pattern = text(ctx.values, 'filter')!;
    return (keys) => {
      const matched = keysMatching(keys, pattern);
      if (matched.length === 0)
        throw new UsageError(`no API key description matches "${pattern}" (see ec-access keys list)`);
      return matched;
    };
  }
  const ids = list(ctx.values, 'ids')!;
  return (keys) => {
    const unknown = ids.filter((id) => !keys.some((k) => k.id === id));
    if (unknown.length > 0) throw new UsageError(`no API key with id ${unknown.join(', ')} (see ec-access keys list)`);
    return ids.map((id) => keys.find((k) => k.id === id)!);
  };
}

export async function keysRevoke(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  const select = keySelector(ctx);
  return withSession(ctx, async (session) => {
    const before = await session.cloud.listApiKeys();
    const targets = select(before);
    const keyIds = targets.map((k) => k.id);
    const request = cloudRequests.deleteApiKeys(keyIds);
    const stop = await beforeSending(ctx, session, out, {
      operation: ctx.name,
      requests: [request],
      warnings: extraWarnings({ kind: 'revoke-keys', keyIds }, keysOnlySnapshot(session, before), {
        selfKeyId: session.selfKeyId,
      }).map((w) => w.message),
      confirm: {
        actions: targets.map((k) => `revoke API key "${k.description}" (${k.id})`),
        phrase: phraseFor(targets, (key) => ({ kind: 'revoke-key', key, listedKeys: before }), 'revoke'),
      },
    });
    if (stop !== undefined) return stop;

    let result: RevokeInput['result'];
    try {
      await session.send(request);
      result = { ok: true };
    } catch (error) {
      if (!isApiError(error)) throw error;
      result = { ok: false, error };
      out.note(`the revoke request failed: ${error.message}; checking which keys still work`);
    }
    const after = await session.cloud.listApiKeys().catch(() => undefined);
    const outcome = revokeOutcome({ requested: keyIds, before, result, ...(after ? { after } : {}) });
    const results = outcome.keys.map((k) => ({
      id: k.id,
      description: k.key?.description ?? null,
      status: k.status,
      reason: k.reason ?? null,
    }));
    out.result(
      {
        schema: 'ec-access/revoke@1',
        operation: ctx.name,
        request: requestJson(session, request, false),
        results,
        still_active: outcome.stillActive.map((k) => k.id),
        maybe_active: outcome.maybeActive.map((k) => k.id),
        complete: outcome.complete,
      },
      () =>
        table(
          ['STATUS', 'ID', 'DESCRIPTION', 'REASON'],
          results.map((r) => [r.status, r.id, r.description ?? '-', r.reason ?? '']),
        ),
    );
    const done = outcome.keys.filter((k) => k.status === 'revoked' || k.status === 'already-gone').length;
    return exitFor(done, outcome.keys.length);
  });
}
