/**
 * Which credential can read a project's Elasticsearch security API, or exactly which one is missing.
 * Order (README "Configuration"): ELASTICSEARCH_API_KEY for the project at ELASTICSEARCH_URL, else the Cloud key
 * itself, which works there when it carries application_roles for the project (the unified key).
 */
import type { EsApi } from '../api/client.js';
import type { Project } from '../api/schemas.js';
import type { Secret } from '../util/secret.js';
import { chooseEsCredential } from '../config/es-credential.js';

export type EsRoute = { readonly api: EsApi; readonly credential: string } | { readonly missing: string };

export type EsAccess = (project: Project) => EsRoute;

export type EsClientFactory = (options: { projectId: string; baseUrl: string; apiKey: Secret }) => EsApi;

export interface EsCredentials {
  readonly esUrl?: string;
  readonly esApiKey?: Secret;
  readonly cloudKey?: Secret;
}

export function createEsAccess(credentials: EsCredentials, createEsClient: EsClientFactory): EsAccess {
  const clients = new Map<string, EsRoute>();
  const route = (project: Project): EsRoute => {
    const endpoint = project.endpoints.elasticsearch;
    const choice = chooseEsCredential(endpoint, {
      apiKey: credentials.cloudKey,
      esUrl: credentials.esUrl,
      esApiKey: credentials.esApiKey,
    });
    if (choice.kind === 'missing') return { missing: choice.reason };
    return {
      api: createEsClient({ projectId: project.id, baseUrl: endpoint, apiKey: choice.apiKey }),
      credential: choice.label,
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
