/**
 * Revoking keys of both layers at once: Cloud keys in one bulk DELETE (judged from the re-read Cloud list, as in
 * specs-keys.ts), project keys in one invalidation per project (judged from each project's answer: invalidated
 * now, already invalidated, or not; a lost answer is settled by re-reading the keys, src/state/project-revoke.ts). One typed confirmation covers every request, and the result is key by key.
 */
import type { ApiRequest } from '../../src/api/requests.js';
import { cloudRequests, esRequests } from '../../src/api/requests.js';
import { extraWarnings } from '../../src/domain/confirm.js';
import { layerLabel, type LayeredKey, type ProjectKeyOutcome } from '../../src/domain/project-keys.js';
import { revokeOutcome, type RevokeStatus } from '../../src/domain/revoke.js';
import { revokeProjectKeys } from '../../src/state/project-revoke.js';
import { allProjects, API_KEYS, listOf, PROJECT_KEYS } from '../../src/state/lists.js';
import { line, tone, type Line } from '../../src/ui/lines.js';
import type { Symbols, Tone } from '../../src/ui/theme.js';
import { requestRouter } from '../wizard/services.js';
import { NOT_CONNECTED, type ConfirmSpec, type SendResult, type Verified } from './spec.js';
import { reread } from './verify.js';

type ProjectKey = Extract<LayeredKey, { layer: 'project' }>;

interface Planned {
  readonly request: ApiRequest;
  /** Empty for the Cloud request. */
  readonly projectKeys: readonly ProjectKey[];
}

function plan(keys: readonly LayeredKey[]): Planned[] {
  const cloudIds = keys.flatMap((k) => (k.layer === 'cloud' ? [k.id] : []));
  const byProject = new Map<string, ProjectKey[]>();
  for (const k of keys)
    if (k.layer === 'project') byProject.set(k.project.id, [...(byProject.get(k.project.id) ?? []), k]);
  return [
    ...(cloudIds.length > 0 ? [{ request: cloudRequests.deleteApiKeys(cloudIds), projectKeys: [] }] : []),
    ...[...byProject.values()].map((rows) => ({
      request: esRequests.invalidateApiKeys(
        rows[0]!.project.id,
        rows.map((r) => r.id),
        rows[0]!.project.name,
      ),
      projectKeys: rows,
    })),
  ];
}

const STATUS: Record<RevokeStatus, { label: string; tone: Tone; symbol: 'ok' | 'fail' | 'warn' }> = {
  revoked: { label: 'revoked', tone: 'success', symbol: 'ok' },
  'already-gone': { label: 'already gone', tone: 'success', symbol: 'ok' },
  failed: { label: 'failed', tone: 'danger', symbol: 'fail' },
  unknown: { label: 'unknown', tone: 'warning', symbol: 'warn' },
};

interface KeyVerdict {
  readonly key: LayeredKey;
  readonly status: RevokeStatus;
  readonly reason?: string | undefined;
}

function verdictLine(v: KeyVerdict, symbols: Symbols): Line {
  const s = STATUS[v.status];
  return line(
    '  ',
    tone(s.tone, `${symbols[s.symbol]} ${s.label.padEnd(13)}`),
    tone('muted', `${layerLabel(v.key).padEnd(14)} `),
    `${v.key.name} (${v.key.id})`,
    v.reason ? tone('muted', ` — ${v.reason}`) : '',
  );
}

export function revokeLayeredSpec(keys: readonly LayeredKey[]): ConfirmSpec {
  const planned = plan(keys);
  const projects = new Set(keys.flatMap((k) => (k.layer === 'project' ? [k.project.id] : []))).size;
  return {
    id: `confirm:revoke-layered:${keys.map((k) => k.id).join(',')}`,
    title: `Revoke ${keys.length} API key${keys.length === 1 ? '' : 's'} (${planned.length} request${planned.length === 1 ? '' : 's'})`,
    verb: `Revoke ${keys.length} key${keys.length === 1 ? '' : 's'}`,
    prepare(env) {
      const { services } = env;
      const router = services ? requestRouter(services, allProjects(env.data)) : undefined;
      const urlOf = (r: ApiRequest) => router?.urlOf(r) ?? r.path;
      // Each project's answer, kept for verify (project keys are judged from it, not from a re-read list).
      const answers = new Map<ApiRequest, ProjectKeyOutcome[]>();
      const [first, ...rest] = planned;
      const cloudKeys = keys.flatMap((k) => (k.layer === 'cloud' ? [k.key] : []));
      return {
        target: { kind: 'bulk', verb: 'revoke', count: keys.length },
        request: first!.request,
        url: urlOf(first!.request),
        more: rest.map((p) => ({ request: p.request, url: urlOf(p.request) })),
        ...(services ? {} : { blocked: NOT_CONNECTED }),
        effects: [
          line(
            `  These ${keys.length} keys stop working at once (${cloudKeys.length} Cloud, ${keys.length - cloudKeys.length} in ${projects} project${projects === 1 ? '' : 's'}):`,
          ),
          ...keys.map((k) =>
            line(
              '  ',
              tone('muted', `${layerLabel(k).padEnd(14)} `),
              tone('danger', k.name, true),
              tone('muted', `  ${k.id}`),
            ),
          ),
        ],
        warnings: extraWarnings({ kind: 'revoke-keys', keyIds: cloudKeys.map((k) => k.id) }, env.snapshot ?? EMPTY, {
          selfKeyId: env.selfKeyId,
        }),
        async send() {
          if (!router) throw new Error(NOT_CONNECTED);
          let cloudError: Error | undefined;
          // Every request goes out even when an earlier one fails: one refusal must not keep other keys alive.
          for (const p of planned) {
            if (p.projectKeys.length > 0) {
              const ids = p.projectKeys.map((k) => k.id);
              answers.set(p.request, (await revokeProjectKeys((r) => router.send(r), p.request, ids)).outcomes);
              continue;
            }
            try {
              await router.send(p.request);
            } catch (error) {
              cloudError = error instanceof Error ? error : new Error('the Cloud revoke request failed');
            }
          }
          if (cloudError) throw cloudError;
        },
        refresh: [API_KEYS, PROJECT_KEYS],
        verify(data, sent: SendResult): Verified {
          const verdicts: KeyVerdict[] = [];
          if (cloudKeys.length > 0) {
            const after = reread(listOf(data, API_KEYS));
            const outcome = revokeOutcome({
              requested: cloudKeys.map((k) => k.id),
              before: cloudKeys,
              result: sent,
              ...(after ? { after } : {}),
            });
            for (const o of outcome.keys)
              verdicts.push({ key: keys.find((k) => k.id === o.id)!, status: o.status, reason: o.reason });
          }
          for (const p of planned.filter((x) => x.projectKeys.length > 0)) {
            const outcomes = answers.get(p.request) ?? [];
            p.projectKeys.forEach((k, i) =>
              verdicts.push({
                key: k,
                status: outcomes[i]?.status ?? 'unknown',
                reason: outcomes[i]?.reason ?? (outcomes[i] ? undefined : 'no answer recorded'),
              }),
            );
          }
          const gone = verdicts.filter((v) => v.status === 'revoked' || v.status === 'already-gone');
          const left = verdicts.filter((v) => !gone.includes(v));
          const complete = left.length === 0;
          return {
            tone: complete ? 'success' : left.some((v) => v.status === 'failed') ? 'danger' : 'warning',
            summary: complete
              ? `Revoked ${verdicts.length} keys of both layers`
              : `Revoked ${gone.length} of ${verdicts.length}; still active: ${left.map((v) => v.key.name).join(', ')}`,
            lines: [
              line(tone('title', 'Result, key by key:', true)),
              ...verdicts.map((v) => verdictLine(v, env.symbols)),
            ],
            audit: complete ? 'confirmed' : gone.length === 0 ? 'not-applied' : 'partial',
          };
        },
      };
    },
  };
}

const EMPTY = {
  organization: { id: '', name: '' },
  members: [],
  invitations: [],
  keys: [],
  projects: [],
  customRoles: new Map(),
  now: new Date(0),
};
