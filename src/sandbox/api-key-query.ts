/**
 * The query language of `_security/_query/api_key`, over the fields ES allows there (id, name, type, creation,
 * expiration, invalidated, invalidation, username, realm_name, metadata.*). Unsupported queries or fields are
 * a 400, as in ES, rather than silently matching everything.
 */
import { isRecord } from './json-object.js';
import type { StoredProjectKey } from './model.js';
import { esError } from './reply.js';

type Value = string | number | boolean | undefined;

function fieldOf(key: StoredProjectKey, field: string): Value {
  switch (field) {
    case 'id':
    case 'name':
    case 'username':
    case 'creation':
    case 'expiration':
    case 'invalidated':
    case 'invalidation':
      return key[field];
    case 'type':
      return 'rest';
    case 'realm_name':
      return key.realm;
  }
  if (field.startsWith('metadata.')) {
    const v = key.metadata[field.slice('metadata.'.length)];
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
  }
  throw esError(400, 'illegal_argument_exception', `Field [${field}] is not allowed for querying or aggregation`);
}

/** A term-style clause `{ field: value }` or `{ field: { value } }`. */
function clause(body: unknown, kind: string): [string, unknown] {
  if (!isRecord(body) || Object.keys(body).length !== 1)
    throw esError(400, 'parsing_exception', `[${kind}] query malformed, expected one field`);
  const [field, raw] = Object.entries(body)[0]!;
  return [field, isRecord(raw) && 'value' in raw ? raw.value : raw];
}

function wildcardRegex(pattern: string): RegExp {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${source}$`);
}

function asTime(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (value === 'now') return Date.now();
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

export function matchesQuery(key: StoredProjectKey, query: unknown, nowMs: number): boolean {
  if (query === undefined) return true;
  if (!isRecord(query) || Object.keys(query).length !== 1)
    throw esError(400, 'parsing_exception', 'query malformed, expected exactly one query type');
  const [kind, body] = Object.entries(query)[0]!;
  const all = (items: unknown): unknown[] =>
    Array.isArray(items) ? (items as unknown[]) : items === undefined ? [] : [items];
  switch (kind) {
    case 'match_all':
      return true;
    case 'bool': {
      if (!isRecord(body)) throw esError(400, 'parsing_exception', '[bool] query malformed');
      const must = [...all(body.must), ...all(body.filter)];
      const should = all(body.should);
      const minimum = typeof body.minimum_should_match === 'number' ? body.minimum_should_match : must.length ? 0 : 1;
      return (
        must.every((q) => matchesQuery(key, q, nowMs)) &&
        !all(body.must_not).some((q) => matchesQuery(key, q, nowMs)) &&
        (should.length === 0 || should.filter((q) => matchesQuery(key, q, nowMs)).length >= minimum)
      );
    }
    case 'term':
    case 'match': {
      const [field, value] = clause(body, kind);
      const actual = fieldOf(key, field);
      return kind === 'match' && typeof actual === 'string' && typeof value === 'string'
        ? actual.toLowerCase().split(/\W+/).includes(value.toLowerCase())
        : actual === value;
    }
    case 'terms': {
      const [field, values] = clause(body, kind);
      return Array.isArray(values) && values.includes(fieldOf(key, field));
    }
    case 'ids':
      return isRecord(body) && Array.isArray(body.values) && body.values.includes(key.id);
    case 'prefix': {
      const [field, value] = clause(body, kind);
      const actual = fieldOf(key, field);
      return typeof actual === 'string' && typeof value === 'string' && actual.startsWith(value);
    }
    case 'wildcard': {
      const [field, value] = clause(body, kind);
      const actual = fieldOf(key, field);
      return typeof actual === 'string' && typeof value === 'string' && wildcardRegex(value).test(actual);
    }
    case 'exists': {
      const field = isRecord(body) ? body.field : undefined;
      return typeof field === 'string' && fieldOf(key, field) !== undefined;
    }
    case 'range': {
      const [field, bounds] = Object.entries(isRecord(body) ? body : {})[0] ?? [];
      if (!field || !isRecord(bounds)) throw esError(400, 'parsing_exception', '[range] query malformed');
      const actual = fieldOf(key, field);
      if (typeof actual !== 'number') return false;
      const bound = (name: string) => {
        const raw = bounds[name];
        return raw === 'now' ? nowMs : asTime(raw);
      };
      const [gt, gte, lt, lte] = [bound('gt'), bound('gte'), bound('lt'), bound('lte')];
      return (
        (gt === undefined || actual > gt) &&
        (gte === undefined || actual >= gte) &&
        (lt === undefined || actual < lt) &&
        (lte === undefined || actual <= lte)
      );
    }
    default:
      throw esError(
        400,
        'illegal_argument_exception',
        `Query type [${kind}] is not currently supported in this context`,
      );
  }
}

/** ES `sort`: a field name, `{field: order}`, `{field: {order}}`, or a list of those. */
export function sortKeys(keys: StoredProjectKey[], sort: unknown): StoredProjectKey[] {
  if (sort === undefined) return keys;
  const specs = (Array.isArray(sort) ? sort : [sort]).map((s): [string, number] => {
    if (typeof s === 'string') return [s, 1];
    const [field, raw] = isRecord(s) ? (Object.entries(s)[0] ?? []) : [];
    if (!field) throw esError(400, 'parsing_exception', 'malformed sort');
    const order = isRecord(raw) ? raw.order : raw;
    return [field, order === 'desc' ? -1 : 1];
  });
  return [...keys].sort((a, b) => {
    for (const [field, dir] of specs) {
      const x = fieldOf(a, field);
      const y = fieldOf(b, field);
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (x < y ? -1 : 1) * dir;
    }
    return 0;
  });
}
