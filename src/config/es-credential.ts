/**
 * Which key to present to a project's Elasticsearch. ELASTICSEARCH_API_KEY is preferred when configured; with
 * ELASTICSEARCH_URL set it belongs to that one project only (an ES key is normally minted inside one project).
 * Otherwise the Cloud key itself is tried: a Cloud key reaches a project's Elasticsearch when it carries
 * application_roles for that project (the unified Serverless key), and gets 403 there otherwise.
 */
import type { Secret } from '../util/secret.js';

export interface EsCredentialSources {
  readonly apiKey?: Secret;
  readonly esUrl?: string;
  readonly esApiKey?: Secret;
}

export type EsCredential =
  | { readonly kind: 'elasticsearch_api_key' | 'unified'; readonly apiKey: Secret; readonly label: string }
  | { readonly kind: 'missing'; readonly reason: string };

export function chooseEsCredential(endpoint: string, sources: EsCredentialSources): EsCredential {
  const { apiKey, esUrl, esApiKey } = sources;
  if (esApiKey && (esUrl === undefined || sameEndpoint(esUrl, endpoint))) {
    return { kind: 'elasticsearch_api_key', apiKey: esApiKey, label: 'ELASTICSEARCH_API_KEY' };
  }
  if (apiKey) return { kind: 'unified', apiKey, label: 'the Cloud API key (unified key)' };
  const elsewhere = esUrl ? ` (ELASTICSEARCH_URL points at another project: ${esUrl})` : '';
  return {
    kind: 'missing',
    reason: `no Elasticsearch credential for ${endpoint}${elsewhere}: set ELASTICSEARCH_URL=${endpoint} and ELASTICSEARCH_API_KEY`,
  };
}

/**
 * Same scheme, host, port and path. The path matters: the sandbox serves every project from one host under
 * `/_es/<projectId>`, so comparing hosts alone would hand one project's key to all of them.
 */
export function sameEndpoint(a: string, b: string): boolean {
  const normal = (url: string) => {
    const u = new URL(url.trim());
    return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}`;
  };
  try {
    return normal(a) === normal(b);
  } catch {
    return false;
  }
}
