/**
 * The seeded hosted deployments: a few in the small organization (the ones its members' deployment roles name),
 * more at larger scales. Its own PRNG stream, so the rest of the organization keeps the ids and names it had before
 * deployments existed.
 */
import type { StoredDeployment } from './model.js';
import { createRng, HEX, type Rng } from './rng.js';
import { PROJECT_WORDS } from './seed-names.js';

/** Hosted deployment (ESS) region ids; a few, as most organizations keep their deployments close together. */
const ESS_REGIONS = ['gcp-us-central1', 'aws-eu-west-1', 'azure-eastus2', 'gcp-europe-west1', 'us-east-1'] as const;

/** How many deployments each scale holds. */
export const DEPLOYMENT_COUNTS = { small: 3, medium: 12, large: 40 } as const;

/** The small organization's deployments, by the name its seed comments use. */
const NAMED: ReadonlyArray<{ name: string; region: string; parts: readonly string[] }> = [
  { name: 'ecommerce-search', region: 'gcp-us-central1', parts: ['elasticsearch', 'kibana', 'apm'] },
  { name: 'logging-cluster', region: 'aws-eu-west-1', parts: ['elasticsearch', 'kibana'] },
  { name: 'legacy-siem', region: 'azure-eastus2', parts: ['elasticsearch', 'kibana', 'integrations_server'] },
];

function deployment(rng: Rng, name: string, region: string, parts: readonly string[]): StoredDeployment {
  return {
    id: rng.chars(32, HEX),
    name,
    region,
    resources: parts.map((kind) => ({ kind, ref_id: `main-${kind.replaceAll('_', '-')}`, id: rng.chars(32, HEX) })),
  };
}

export function seedDeployments(seed: number, count: number): StoredDeployment[] {
  const rng = createRng((seed * 104_729 + 71) >>> 0);
  const out = NAMED.slice(0, count).map((d) => deployment(rng, d.name, d.region, d.parts));
  for (let n = out.length; n < count; n++) {
    const parts = rng.next() < 0.5 ? ['elasticsearch', 'kibana'] : ['elasticsearch', 'kibana', 'apm'];
    out.push(deployment(rng, `${rng.pick(PROJECT_WORDS)}-deployment-${n}`, rng.pick(ESS_REGIONS), parts));
  }
  return out;
}
