/**
 * Which credential can read a project's Elasticsearch security API, or exactly which one is missing.
 * Order (README "Configuration"): ELASTICSEARCH_API_KEY for the project at ELASTICSEARCH_URL, else the Cloud key
 * itself, which works there when it carries application_roles for the project (the unified key).
 */
import type { EsApi } from '../api/client.js';
import type { Project } from '../api/schemas.js';
import type { Secret } from '../util/secret.js';

export type EsRoute =
  | { readonly api: EsApi; readonly credential: string }
  | { readonly missing: string };

export type EsAccess = (project: Project) => EsRoute;

export type EsClientFactory = (options: { projectId: string; baseUrl: string; apiKey: Secret }) => EsApi;

export interface EsCredentials {
  readonly esUrl?: string;
  readonly esApiKey?: Secret;
  readonly cloudKey?: Secret;
}

function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a).host.toLowerCase() === new URL(b).host.toLowerCase();
  } catch {
    return false;
  }
}

export function createEsAccess(credentials: EsCredentials, createEsClient: EsClientFactory): EsAccess {
  const clients = new Map<string, EsRoute>();
  const route = (project: Project): EsRoute => {
    const endpoint = project.endpoints.elasticsearch;
    const { esUrl, esApiKey, cloudKey } = credentials;
    if (esUrl && esApiKey && sameHost(esUrl, endpoint)) {
      return { api: createEsClient({ projectId: project.id, baseUrl: esUrl, apiKey: esApiKey }), credential: 'ELASTICSEARCH_API_KEY' };
    }
    if (cloudKey) {
      return {
        api: createEsClient({ projectId: project.id, baseUrl: endpoint, apiKey: cloudKey }),
        credential: 'the Cloud API key (unified key)',
      };
    }
    const elsewhere = esUrl && !sameHost(esUrl, endpoint) ? ` (ELASTICSEARCH_URL points at ${new URL(esUrl).host})` : '';
    return {
      missing: `no Elasticsearch credential for ${endpoint}${elsewhere}: set ELASTICSEARCH_URL=${endpoint} and ELASTICSEARCH_API_KEY`,
    };
  };
  return (project) => {
    let cached = clients.get(project.id);
    if (!cached) {
      cached = route(project);
      clients.set(project.id, cached);
    }
    return cached;
  };
}
