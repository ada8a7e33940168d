/**
 * Making a project: the real `POST /api/v1/serverless/projects/{type}` and the control shortcut share this, so a
 * project made either way gets the same id format, alias suffix and type-specific defaults.
 */
import * as z from 'zod';
import type { ProjectType } from '../api/schemas.js';
import type { StoredProject } from './model.js';
import { findRegion } from './regions.js';

/** What the create body may say; type-specific fields fall back to the spec's defaults. */
export interface ProjectInput {
  readonly name: string;
  readonly region_id: string;
  readonly alias?: string;
  readonly optimized_for?: string;
  readonly product_tier?: string;
  readonly product_types?: ReadonlyArray<{ product_line: string; product_tier: string }>;
}

/** The RFC-1035 label the alias starts from (max 50 characters, the suffix makes room for 7 more). */
function aliasBase(name: string): string {
  const label = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return label === '' ? 'project' : label;
}

function typeDefaults(type: ProjectType, input: Partial<ProjectInput>): Record<string, unknown> {
  switch (type) {
    case 'elasticsearch':
      return {
        optimized_for: input.optimized_for ?? 'general_purpose',
        search_lake: { search_power: 100, boost_window: 7 },
      };
    case 'observability':
      return { product_tier: input.product_tier ?? 'complete' };
    case 'security':
      return {
        product_types: input.product_types ?? [
          { product_line: 'security', product_tier: 'complete' },
          { product_line: 'cloud', product_tier: 'complete' },
          { product_line: 'endpoint', product_tier: 'complete' },
        ],
        admin_features_package: 'standard',
      };
  }
}

const ProductTypes = z.array(z.object({ product_line: z.string(), product_tier: z.string() }));

/** Problems with a create body, in the words of a 400; empty when it is fine. */
export function projectInputProblems(type: ProjectType, body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof body.name !== 'string' || body.name.length < 1 || body.name.length > 255)
    problems.push('name must be 1 to 255 characters');
  const region = typeof body.region_id === 'string' ? findRegion(body.region_id) : undefined;
  if (!region) problems.push(`region_id ${JSON.stringify(body.region_id)} is not a known region`);
  else if (!region.project_creation_enabled) problems.push(`region ${region.id} does not accept new projects`);
  if (
    body.alias !== undefined &&
    (typeof body.alias !== 'string' || !/^[a-z]([a-z0-9-]{0,48}[a-z0-9])?$/.test(body.alias))
  ) {
    problems.push('alias must be an RFC-1035 label of at most 50 characters');
  }
  if (
    type === 'elasticsearch' &&
    body.optimized_for !== undefined &&
    (typeof body.optimized_for !== 'string' || !['general_purpose', 'vector'].includes(body.optimized_for))
  ) {
    problems.push('optimized_for must be general_purpose or vector');
  }
  if (
    type === 'observability' &&
    body.product_tier !== undefined &&
    (typeof body.product_tier !== 'string' || !['complete', 'logs_essentials'].includes(body.product_tier))
  ) {
    problems.push('product_tier must be complete or logs_essentials');
  }
  if (type === 'security' && body.product_types !== undefined && !ProductTypes.safeParse(body.product_types).success)
    problems.push('product_types must list objects with product_line and product_tier');
  return problems;
}

/** The fields of a create body that projectInputProblems accepted, as buildProject reads them. */
export function projectInput(body: Record<string, unknown>): ProjectInput {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const productTypes = ProductTypes.safeParse(body.product_types);
  return {
    name: text(body.name) ?? '',
    region_id: text(body.region_id) ?? '',
    alias: text(body.alias),
    optimized_for: text(body.optimized_for),
    product_tier: text(body.product_tier),
    product_types: productTypes.success ? productTypes.data : undefined,
  };
}

export function buildProject(
  type: ProjectType,
  input: ProjectInput,
  ids: { readonly id: string; readonly suffix: string },
  createdBy: string,
  createdAt: Date,
): StoredProject {
  return {
    id: ids.id,
    type,
    name: input.name,
    alias: `${input.alias ?? aliasBase(input.name)}-${ids.suffix}`,
    region_id: input.region_id,
    created_at: createdAt.toISOString(),
    created_by: createdBy,
    extra: typeDefaults(type, input),
  };
}
