/**
 * `_security/_query/role` (cloud-api.md §7; the query_role request of the Serverless spec): the custom roles of a
 * project (never the predefined ones, as the spec says of built-in roles) filtered by the query subset the spec
 * lists, sorted, and paged with from/size or search_after. Queryable fields: `name`, `description`, `metadata.*`
 * and `applications.{application,privileges,resources}`. Matching is simplified: `match` compares lower-cased
 * words (any word, or all with `operator: and`), `term` and the rest compare whole values; scores are not kept.
 */
import { isRecord } from './json-object.js';
import type { StoredRole } from './model.js';
import { esError } from './reply.js';

type Doc = { readonly name: string; readonly role: StoredRole };
type Predicate = (doc: Doc) => boolean;

const bad = (reason: string) => esError(400, 'illegal_argument_exception', reason);
const APPLICATION_FIELDS = new Set(['applications.application', 'applications.privileges', 'applications.resources']);

function checkField(field: string): string {
  if (field === 'name' || field === 'description' || field === '_id') return field;
  if (APPLICATION_FIELDS.has(field) || field === 'metadata' || field.startsWith('metadata.')) return field;
  throw bad(`Field [${field}] is not allowed for querying or aggregation`);
}

/** A query or document value as the text it is compared as; objects and lists as JSON. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return text(value);
  return JSON.stringify(value);
}

function scalars(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(scalars);
  if (isRecord(value)) return Object.values(value).flatMap(scalars);
  return [text(value)];
}

function valuesOf({ name, role }: Doc, field: string): string[] {
  if (field === 'name' || field === '_id') return [name];
  if (field === 'description') return scalars(role.description);
  if (field === 'applications.application') return role.applications.map((a) => a.application);
  if (field === 'applications.privileges') return role.applications.flatMap((a) => a.privileges);
  if (field === 'applications.resources') return role.applications.flatMap((a) => a.resources);
  let value: unknown = role.metadata;
  for (const key of field.split('.').slice(1)) value = isRecord(value) ? value[key] : undefined;
  return scalars(value);
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean);
const wildcard = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.')}$`,
  );

/** `{field: value}` or `{field: {<inner>: value, …}}`: the field and its options. */
function single(body: unknown, inner: string): { field: string; value: unknown; options: Record<string, unknown> } {
  if (!isRecord(body) || Object.keys(body).length !== 1) throw bad('query malformed, expected a single field');
  const [field, raw] = Object.entries(body)[0]!;
  const options = isRecord(raw) ? raw : { [inner]: raw };
  return { field: checkField(field), value: options[inner], options };
}

const clauses = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function compile(query: unknown): Predicate {
  if (!isRecord(query) || Object.keys(query).length !== 1) throw bad('query malformed, expected a single query type');
  const [type, body] = Object.entries(query)[0]!;
  switch (type) {
    case 'match_all':
      return () => true;
    case 'bool': {
      const b = isRecord(body) ? body : {};
      const must = [...clauses(b.must), ...clauses(b.filter)].map(compile);
      const should = clauses(b.should).map(compile);
      const not = clauses(b.must_not).map(compile);
      const minimum = Number(b.minimum_should_match ?? (must.length > 0 ? 0 : should.length > 0 ? 1 : 0));
      return (d) => must.every((p) => p(d)) && !not.some((p) => p(d)) && should.filter((p) => p(d)).length >= minimum;
    }
    case 'term': {
      const { field, value } = single(body, 'value');
      return (d) => valuesOf(d, field).includes(text(value));
    }
    case 'terms': {
      if (!isRecord(body)) throw bad('[terms] query malformed');
      const [field, list] = Object.entries(body).find(([k]) => k !== 'boost') ?? [];
      const wanted = scalars(list);
      const f = checkField(field ?? '');
      return (d) => valuesOf(d, f).some((v) => wanted.includes(v));
    }
    case 'ids': {
      const ids = scalars(isRecord(body) ? body.values : undefined);
      return (d) => ids.includes(d.name) || ids.includes(`role-${d.name}`);
    }
    case 'match': {
      const { field, value, options } = single(body, 'query');
      const wanted = words(text(value));
      const all = text(options.operator ?? 'or').toLowerCase() === 'and';
      return (d) => {
        const have = new Set(valuesOf(d, field).flatMap(words));
        return all ? wanted.every((w) => have.has(w)) : wanted.some((w) => have.has(w));
      };
    }
    case 'prefix': {
      const { field, value } = single(body, 'value');
      return (d) => valuesOf(d, field).some((v) => v.startsWith(text(value)));
    }
    case 'wildcard': {
      const { field, value } = single(body, 'value');
      const re = wildcard(text(value));
      return (d) => valuesOf(d, field).some((v) => re.test(v));
    }
    case 'exists': {
      const field = checkField(text(isRecord(body) ? body.field : ''));
      return (d) => valuesOf(d, field).length > 0;
    }
    case 'range': {
      const { field, options } = single(body, 'gte');
      const inRange = (v: string) =>
        (options.gt === undefined || v > text(options.gt)) &&
        (options.gte === undefined || v >= text(options.gte)) &&
        (options.lt === undefined || v < text(options.lt)) &&
        (options.lte === undefined || v <= text(options.lte));
      return (d) => valuesOf(d, field).some(inRange);
    }
    case 'simple_query_string': {
      const b = isRecord(body) ? body : {};
      const fields = scalars(b.fields).map(checkField);
      const wanted = words(text(b.query));
      return (d) => {
        const have = new Set(
          (fields.length ? fields : ['name', 'description']).flatMap((f) => valuesOf(d, f)).flatMap(words),
        );
        return wanted.some((w) => have.has(w));
      };
    }
    default:
      throw bad(`Query type [${type}] is not currently supported in this context`);
  }
}

interface SortKey {
  readonly field: string;
  readonly desc: boolean;
}

function sortKeys(sort: unknown): SortKey[] {
  return clauses(sort).map((entry) => {
    if (typeof entry === 'string') return { field: entry === '_doc' ? 'name' : checkField(entry), desc: false };
    if (!isRecord(entry) || Object.keys(entry).length !== 1) throw bad('[sort] malformed');
    const [field, raw] = Object.entries(entry)[0]!;
    const order = isRecord(raw) ? raw.order : raw;
    return { field: field === '_doc' ? 'name' : checkField(field), desc: text(order).toLowerCase() === 'desc' };
  });
}

const compare = (a: readonly string[], b: readonly unknown[], keys: readonly SortKey[]): number => {
  for (const [i, key] of keys.entries()) {
    const x = a[i] ?? '';
    const y = text(b[i]);
    if (x !== y) return (x < y ? -1 : 1) * (key.desc ? -1 : 1);
  }
  return 0;
};

const intOr = (value: unknown, fallback: number, what: string): number => {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw bad(`[${what}] parameter cannot be negative`);
  return value;
};

export function queryRoles(custom: Readonly<Record<string, StoredRole>>, body: unknown) {
  const request = body === undefined ? {} : body;
  if (!isRecord(request)) throw esError(400, 'parse_exception', 'request body must be a JSON object');
  const known = new Set(['query', 'from', 'size', 'sort', 'search_after']);
  const unknown = Object.keys(request).find((k) => !known.has(k));
  if (unknown) throw esError(400, 'x_content_parse_exception', `[query_role_request] unknown field [${unknown}]`);
  const matches = request.query === undefined ? () => true : compile(request.query);
  const keys = sortKeys(request.sort);
  const sortBy = keys.length > 0 ? keys : [{ field: 'name', desc: false }];
  const valuesFor = (doc: Doc) => sortBy.map((k) => [...valuesOf(doc, k.field)].sort()[0] ?? '');
  let hits = Object.entries(custom)
    .map(([name, role]) => ({ doc: { name, role }, sort: valuesFor({ name, role }) }))
    .filter(({ doc }) => matches(doc))
    .sort((a, b) => compare(a.sort, b.sort, sortBy) || a.doc.name.localeCompare(b.doc.name));
  const total = hits.length;
  if (request.search_after !== undefined) {
    if (keys.length === 0) throw bad('[search_after] needs a [sort]');
    const after = clauses(request.search_after);
    hits = hits.filter((h) => compare(h.sort, after, keys) > 0);
  }
  const from = intOr(request.from, 0, 'from');
  const size = intOr(request.size, 10, 'size');
  const page = hits.slice(from, from + size);
  return {
    total,
    count: page.length,
    roles: page.map(({ doc, sort }) => ({ name: doc.name, ...doc.role, ...(keys.length > 0 ? { _sort: sort } : {}) })),
  };
}
