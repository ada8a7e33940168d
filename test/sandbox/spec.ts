/**
 * The published specs as validators, for the sandbox's requests and answers: the Cloud Swagger 2.0 subset and the
 * Elasticsearch Serverless OpenAPI 3 extracts (reference/specs). A small JSON Schema subset is enough for them:
 * `$ref`, `type` (with `nullable`), `enum`, `required`, `properties`, `additionalProperties`, `items`, `allOf`,
 * `oneOf`/`anyOf` (one branch must hold). The Serverless projects spec is YAML: `loadSpecs()` reads it with the YAML
 * parser of Prettier (a dev dependency already), turning its syntax tree into plain JSON values.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as prettier from 'prettier';

type Schema = Record<string, unknown>;
type Doc = Record<string, unknown>;

const SPECS = new URL('../../../shared/reference/specs/', import.meta.url);
const FILES = {
  cloud: 'elastic-cloud-iam-subset.swagger.json',
  esRoles: 'elasticsearch-serverless-security-roles.openapi.json',
  esKeys: 'elasticsearch-serverless-security-api-keys.openapi.json',
  serverless: 'serverless-project-api.openapi.yml',
} as const;
export const SPECS_AVAILABLE = Object.values(FILES).every((f) => existsSync(new URL(f, SPECS)));

const docs = new Map<string, Doc>();

/** YAML 1.2 core-schema scalars: null, booleans, numbers; anything else stays text. */
function plainScalar(text: string): unknown {
  if (/^(null|Null|NULL|~)?$/.test(text)) return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
  return text;
}

/** A node of Prettier's YAML tree (`{type, value?, children?}`) as the JSON value it stands for. */
function yamlValue(node: unknown): unknown {
  if (!isObject(node)) return null;
  const kids: unknown[] = Array.isArray(node.children) ? node.children : [];
  const text = typeof node.value === 'string' ? node.value : '';
  switch (node.type) {
    case 'root':
    case 'documentBody':
    case 'sequenceItem':
    case 'flowSequenceItem':
    case 'mappingKey':
    case 'mappingValue':
      return yamlValue(kids[0]);
    case 'document':
      return yamlValue(kids.find((k) => field(k, 'type') === 'documentBody'));
    case 'mapping':
    case 'flowMapping':
      return Object.fromEntries(
        kids.map((item) => {
          const pair = objects(field(item, 'children'));
          return [String(yamlValue(pair[0])), yamlValue(pair[1])];
        }),
      );
    case 'sequence':
    case 'flowSequence':
      return kids.map(yamlValue);
    case 'plain':
      return plainScalar(text);
    case 'quoteDouble':
    case 'quoteSingle':
    case 'blockLiteral':
    case 'blockFolded':
      return text;
    default:
      throw new Error(`YAML node ${String(node.type)} is not supported here`);
  }
}

type ParseForDebug = (text: string, options: { parser: string }) => Promise<{ ast: unknown }>;

/** Reads the YAML spec once; call before `operation` is asked about Serverless routes. */
export async function loadSpecs(): Promise<void> {
  if (docs.has(FILES.serverless)) return;
  const text = readFileSync(new URL(FILES.serverless, SPECS), 'utf8');
  // Prettier's debug entry point (exported, not typed); its YAML tree is the `yaml` package's with positions.
  const parse: unknown = field(Reflect.get(prettier, '__debug'), 'parse');
  if (typeof parse !== 'function') throw new Error('prettier.__debug.parse is gone; the YAML spec cannot be read');
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- an untyped export, checked to be a function just above
  const { ast } = await (parse as ParseForDebug)(text, { parser: 'yaml' });
  const parsed = yamlValue(ast);
  docs.set(FILES.serverless, isObject(parsed) ? parsed : {});
}

function load(file: string): Doc {
  let doc = docs.get(file);
  if (!doc) {
    const parsed: unknown = JSON.parse(readFileSync(new URL(file, SPECS), 'utf8'));
    doc = isObject(parsed) ? parsed : {};
    docs.set(file, doc);
  }
  return doc;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const objects = (v: unknown): Schema[] => (Array.isArray(v) ? v.filter(isObject) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const field = (v: unknown, key: string): unknown => (isObject(v) ? v[key] : undefined);

function resolve(doc: Doc, ref: string): Schema {
  let node: unknown = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) node = isObject(node) ? node[part] : undefined;
  if (!isObject(node)) throw new Error(`unresolved ${ref}`);
  return node;
}

function typeMatches(type: unknown, value: unknown): boolean {
  switch (type) {
    case undefined:
      return true;
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

/**
 * The ES generator renders `UserDefinedValue` (any JSON, e.g. metadata values) as a bare `{type: object}`; the
 * spec's own examples put numbers and strings there, so it constrains nothing.
 */
const anyValue = (schema: Schema) => Object.keys(schema).length === 1 && schema.type === 'object';

/** Every way `value` breaks `schema`, as `path: problem`. */
export function violations(doc: Doc, schema: Schema, value: unknown, path = '$'): string[] {
  if (typeof schema.$ref === 'string') return violations(doc, resolve(doc, schema.$ref), value, path);
  if (value === null && (schema.nullable === true || schema['x-nullable'] === true)) return [];
  const out: string[] = [];
  for (const s of objects(schema.allOf)) out.push(...violations(doc, s, value, path));
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && !objects(branches).some((s) => violations(doc, s, value, path).length === 0))
      out.push(`${path}: matches no ${key} branch`);
  }
  if (!typeMatches(schema.type, value)) return [...out, `${path}: expected ${String(schema.type)}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    out.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (isObject(value)) {
    for (const name of strings(schema.required)) if (value[name] === undefined) out.push(`${path}.${name}: required`);
    for (const [name, child] of Object.entries(value)) {
      const declared = field(schema.properties, name);
      if (isObject(declared)) out.push(...violations(doc, declared, child, `${path}.${name}`));
      else if (isObject(schema.additionalProperties) && !anyValue(schema.additionalProperties))
        out.push(...violations(doc, schema.additionalProperties, child, `${path}.${name}`));
    }
  }
  const items = schema.items;
  if (Array.isArray(value) && isObject(items))
    value.forEach((item, i) => out.push(...violations(doc, items, item, `${path}[${i}]`)));
  return out;
}

/** `/organizations/{organization_id}` and `/api/v1/organizations/:orgId` both become `/organizations/*`. */
const shape = (path: string) => path.replace(/\{[^}]+\}|:[A-Za-z]+/g, '*').replace(/\/$/, '') || '/';

export type Api = 'cloud' | 'es' | 'serverless';

/**
 * The sandbox route pattern as the spec's path: Cloud drops `/api/v1`, ES drops `/_es/:projectId`, Serverless
 * keeps its prefix and names the project type (`:type`) the spec spells out per path.
 */
export function specPath(pattern: string, projectType = 'elasticsearch'): { api: Api; path: string } {
  if (pattern.startsWith('/_es/:projectId')) return { api: 'es', path: shape(pattern.slice('/_es/:projectId'.length)) };
  if (pattern.startsWith('/api/v1/serverless/'))
    return { api: 'serverless', path: shape(pattern.replace('/:type', `/${projectType}`)) };
  return { api: 'cloud', path: shape(pattern.replace(/^\/api\/v1/, '')) };
}

interface Operation {
  readonly doc: Doc;
  readonly op: Record<string, unknown>;
}

/** The spec operation for a method and sandbox pattern, or undefined when no loaded spec has it. */
export function operation(method: string, pattern: string, projectType?: string): Operation | undefined {
  const { api, path } = specPath(pattern, projectType);
  const files =
    api === 'cloud' ? [FILES.cloud] : api === 'serverless' ? [FILES.serverless] : [FILES.esRoles, FILES.esKeys];
  for (const file of files) {
    const doc = load(file);
    const paths = isObject(doc.paths) ? doc.paths : {};
    const key = Object.keys(paths).find((p) => shape(p) === path);
    const op = key ? field(paths[key], method.toLowerCase()) : undefined;
    if (isObject(op)) return { doc, op };
  }
  return undefined;
}

function jsonSchemaOf(doc: Doc, node: unknown): Schema | undefined {
  if (!isObject(node)) return undefined;
  if (typeof node.$ref === 'string' && !node.$ref.includes('/schemas/') && !node.$ref.includes('/definitions/'))
    return jsonSchemaOf(doc, resolve(doc, node.$ref));
  if (isObject(node.schema)) return node.schema; // Swagger 2.0
  const content = node.content;
  const schema = field(field(content, 'application/json'), 'schema');
  return isObject(schema) ? schema : undefined;
}

export function requestViolations({ doc, op }: Operation, body: unknown): string[] {
  const swaggerBody = objects(op.parameters).find((p) => p.in === 'body');
  const declared = swaggerBody ?? op.requestBody;
  const schema = jsonSchemaOf(doc, declared);
  if (!schema) return body === undefined ? [] : ['the spec takes no body here'];
  const required = isObject(declared) && declared.required === true;
  if (body === undefined) return required ? ['the spec requires a body'] : [];
  return violations(doc, schema, body);
}

export function responseViolations({ doc, op }: Operation, status: number, body: unknown): string[] {
  const response = field(op.responses, String(status)) ?? field(op.responses, 'default');
  if (response === undefined) return [`status ${status} is not documented`];
  const schema = jsonSchemaOf(doc, response);
  return schema ? violations(doc, schema, body) : [];
}
