/**
 * Revoking Cloud API keys: one bulk DELETE for every chosen key, then a per-key verdict from the re-read list.
 * The verdict always names the keys that still work, because in an incident that is the question.
 */
import type { ApiKey } from '../../src/api/schemas.js';
import { cloudRequests } from '../../src/api/requests.js';
import { extraWarnings } from '../../src/domain/confirm.js';
import type { OrgSnapshot } from '../../src/domain/org.js';
import {
  keyExpiryStatus,
  revokeOutcome,
  type KeyRevokeOutcome,
  type RevokeOutcome,
  type RevokeStatus,
} from '../../src/domain/revoke.js';
import { dataOf } from '../../src/state/resource.js';
import { line, tone, type Line } from '../../src/ui/lines.js';
import type { Symbols, Tone } from '../../src/ui/theme.js';
import { relative } from '../../src/ui/dates.js';
import { NOT_CONNECTED, urlOrPath, type ConfirmSpec, type SendResult, type Verified } from './spec.js';
import { errorLines, reread } from './verify.js';
import { API_KEYS, listOf } from '../../src/state/lists.js';

/**
 * The self-key warning depends on the key ids alone, and on the incident path the keys arrive before the
 * organization does, so the warning must not wait for a snapshot.
 */
const NO_ORGANIZATION: OrgSnapshot = {
  organization: { id: '', name: '' },
  members: [],
  invitations: [],
  keys: [],
  projects: [],
  customRoles: new Map(),
  now: new Date(0),
};

const keyName = (key: ApiKey | undefined, id: string) => (key ? `${key.description} (${id})` : id);

function keyLine(key: ApiKey, now: Date, symbols: Symbols): Line {
  const expiry = keyExpiryStatus(key, now);
  const when = key.expiration_date ? relative(key.expiration_date, now) : '';
  const badge =
    expiry === 'expired'
      ? tone('danger', `  ${symbols.fail} expired ${when}`)
      : expiry === 'expiring-soon'
        ? tone('warning', `  ${symbols.warn} expires ${when}`)
        : tone('muted', expiry === 'never' ? '  never expires' : `  expires ${when}`);
  return line('  ', tone('danger', key.description, true), tone('muted', `  ${key.id}`), badge);
}

const STATUS: Record<RevokeStatus, { label: string; tone: Tone; symbol: 'ok' | 'fail' | 'warn' }> = {
  revoked: { label: 'revoked', tone: 'success', symbol: 'ok' },
  'already-gone': { label: 'already gone', tone: 'success', symbol: 'ok' },
  failed: { label: 'failed', tone: 'danger', symbol: 'fail' },
  unknown: { label: 'unknown', tone: 'warning', symbol: 'warn' },
};

function outcomeLine(k: KeyRevokeOutcome, symbols: Symbols): Line {
  const s = STATUS[k.status];
  return line(
    '  ',
    tone(s.tone, `${symbols[s.symbol]} ${s.label.padEnd(13)}`),
    keyName(k.key, k.id),
    k.reason ? tone('muted', ` — ${k.reason}`) : '',
  );
}

function stillWorking(title: string, keys: readonly ApiKey[], toneOf: Tone, symbols: Symbols, advice: string): Line[] {
  if (keys.length === 0) return [];
  return [
    [],
    line(tone(toneOf, `${symbols.fail} ${title} (${keys.length}):`, true)),
    ...keys.map((k) => line('  ', tone(toneOf, keyName(k, k.id)))),
    line(tone('muted', `  ${advice}`)),
  ];
}

export function revokeLines(outcome: RevokeOutcome, reread: boolean, sent: SendResult, symbols: Symbols): Line[] {
  return [
    line(
      tone(
        'title',
        `Result, key by key (${reread ? 'from the key list re-read after the call' : 'the key list could not be re-read'}):`,
        true,
      ),
    ),
    ...outcome.keys.map((k) => outcomeLine(k, symbols)),
    ...stillWorking(
      'Still active, these keys still work',
      outcome.stillActive,
      'danger',
      symbols,
      'they stay marked: d retries them',
    ),
    ...stillWorking(
      'May still work (outcome unknown)',
      outcome.maybeActive,
      'warning',
      symbols,
      'press r to re-read the list and check them',
    ),
    ...(sent.ok ? [] : [[], line(tone('muted', 'The server answered:')), ...errorLines(sent.error, symbols)]),
  ];
}

function verdict(outcome: RevokeOutcome, reread: boolean, sent: SendResult, symbols: Symbols): Verified {
  const total = outcome.keys.length;
  const gone = outcome.keys.filter((k) => k.status === 'revoked' || k.status === 'already-gone').length;
  const left = [...outcome.stillActive, ...outcome.maybeActive];
  const summary = outcome.complete
    ? `Revoked ${total} key${total === 1 ? '' : 's'}${reread ? ' (verified)' : ''}`
    : `Revoked ${gone} of ${total}; still active: ${left.map((k) => k.description).join(', ')}`;
  return {
    tone: outcome.complete ? 'success' : outcome.stillActive.length > 0 ? 'danger' : 'warning',
    summary,
    lines: revokeLines(outcome, reread, sent, symbols),
    ...(reread
      ? {
          audit: outcome.complete
            ? ('confirmed' as const)
            : gone === 0
              ? ('not-applied' as const)
              : ('partial' as const),
        }
      : {}),
  };
}

export function revokeKeysSpec(keys: readonly ApiKey[]): ConfirmSpec {
  const ids = keys.map((k) => k.id);
  const [only] = keys;
  const one = keys.length === 1 && only !== undefined;
  return {
    id: `confirm:revoke-keys:${ids.join(',')}`,
    title: one ? `Revoke API key ${only.description}` : `Revoke ${keys.length} API keys`,
    verb: one ? 'Revoke key' : `Revoke ${keys.length} keys`,
    prepare(env) {
      const request = cloudRequests.deleteApiKeys(ids);
      const { services } = env;
      // The whole key list, filtered out or not: a description shared with any other key does not name this one.
      const listedKeys = dataOf(listOf(env.data, API_KEYS)) ?? keys;
      return {
        target: one
          ? { kind: 'revoke-key', key: only, listedKeys }
          : { kind: 'bulk', verb: 'revoke', count: keys.length },
        request,
        url: urlOrPath(services, request),
        ...(services ? {} : { blocked: NOT_CONNECTED }),
        effects: [
          line(
            `  ${one ? 'This key stops' : `These ${keys.length} keys stop`} working at once; anything still using ${one ? 'it' : 'them'} gets 401:`,
          ),
          ...keys.map((k) => keyLine(k, env.now, env.symbols)),
        ],
        warnings: extraWarnings({ kind: 'revoke-keys', keyIds: ids }, env.snapshot ?? NO_ORGANIZATION, {
          selfKeyId: env.selfKeyId,
        }),
        send: () => (services ? services.cloud.deleteApiKeys(ids) : Promise.reject(new Error(NOT_CONNECTED))),
        refresh: [API_KEYS],
        verify(data, sent) {
          const after = reread(listOf(data, API_KEYS));
          const outcome = revokeOutcome({ requested: ids, before: keys, result: sent, ...(after ? { after } : {}) });
          return verdict(outcome, after !== undefined, sent, env.symbols);
        },
      };
    },
  };
}
