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

/** Stack versions the larger scales' deployments run, oldest last. */
const VERSIONS = ['8.17.0', '8.15.1', '8.13.4', '7.17.24'] as const;

interface PartState {
  readonly status: string;
  readonly healthy: boolean;
}
const RUNNING: PartState = { status: 'started', healthy: true };

/**
 * The small organization's deployments, by the name its seed comments use: two running, and one whose cluster is up
 * but unhealthy (its last plan failed), so every health a details view can show has a deployment to show it on.
 */
const NAMED: ReadonlyArray<{
  name: string;
  region: string;
  version: string;
  parts: readonly string[];
  state?: Readonly<Record<string, PartState>>;
}> = [
  { name: 'ecommerce-search', region: 'gcp-us-central1', version: '8.15.1', parts: ['elasticsearch', 'kibana', 'apm'] },
  { name: 'logging-cluster', region: 'aws-eu-west-1', version: '8.17.0', parts: ['elasticsearch', 'kibana'] },
  {
    name: 'legacy-siem',
    region: 'azure-eastus2',
    version: '7.17.24',
    parts: ['elasticsearch', 'kibana', 'integrations_server'],
    state: { elasticsearch: { status: 'started', healthy: false } },
  },
];

function deployment(
  rng: Rng,
  name: string,
  region: string,
  version: string,
  parts: readonly string[],
  state: (kind: string) => PartState,
): StoredDeployment {
  return {
    id: rng.chars(32, HEX),
    name,
    region,
    version,
    resources: parts.map((kind) => ({
      kind,
      ref_id: `main-${kind.replaceAll('_', '-')}`,
      id: rng.chars(32, HEX),
      ...state(kind),
    })),
  };
}

export function seedDeployments(seed: number, count: number): StoredDeployment[] {
  const rng = createRng((seed * 104_729 + 71) >>> 0);
  const out = NAMED.slice(0, count).map((d) =>
    deployment(rng, d.name, d.region, d.version, d.parts, (kind) => d.state?.[kind] ?? RUNNING),
  );
  for (let n = out.length; n < count; n++) {
    const parts = rng.next() < 0.5 ? ['elasticsearch', 'kibana'] : ['elasticsearch', 'kibana', 'apm'];
    // Version and state follow the position, not the PRNG, so the ids stay what they were before either existed.
    const stopped: PartState = { status: 'stopped', healthy: true };
    out.push(
      deployment(
        rng,
        `${rng.pick(PROJECT_WORDS)}-deployment-${n}`,
        rng.pick(ESS_REGIONS),
        VERSIONS[n % VERSIONS.length]!,
        parts,
        () => (n % 6 === 5 ? stopped : RUNNING),
      ),
    );
  }
  return out;
}
