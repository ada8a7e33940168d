/**
 * Our API key goes in the Authorization header of every request, so plain http to anything but this machine
 * would hand it to whoever is on the path. Such a URL (a base URL, or a project's Elasticsearch endpoint as the
 * API reports it) is refused before any connection is made, unless the user opts in with --allow-insecure-http or
 * EC_ACCESS_ALLOW_INSECURE_HTTP=1 (a lab proxy, say). Loopback (the sandbox, a local tunnel) is always allowed.
 */
import { isIP } from 'node:net';
import { ApiError, type ApiService } from './errors.js';
import type { Transport } from './http.js';

export const INSECURE_HTTP_ENV = 'EC_ACCESS_ALLOW_INSECURE_HTTP';
export const INSECURE_HTTP_FLAG = '--allow-insecure-http';

const YES = new Set(['1', 'true', 'yes', 'on']);

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** Whether `env` opts in to plain http (EC_ACCESS_ALLOW_INSECURE_HTTP=1, true, yes or on). */
export function insecureHttpAllowedBy(env: NodeJS.ProcessEnv): boolean {
  return YES.has((env[INSECURE_HTTP_ENV] ?? '').trim().toLowerCase());
}

/**
 * The error to give instead of sending to `url`, or undefined when it may be used. `optedIn`: the user gave
 * --allow-insecure-http (the environment variable is read from `env` here).
 */
export function cleartextRefusal(
  url: string,
  service: ApiService,
  env: NodeJS.ProcessEnv,
  optedIn = false,
): ApiError | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // the transport reports a malformed URL itself
  }
  if (parsed.protocol !== 'http:' || isLoopback(parsed.hostname)) return undefined;
  if (optedIn || insecureHttpAllowedBy(env)) return undefined;
  return new ApiError({
    kind: 'network',
    service,
    endpoint: '(not sent)',
    message: `refusing plain http to ${parsed.origin}: the API key would travel unencrypted`,
    hint:
      service === 'cloud'
        ? `Use an https:// URL for EC_BASE_URL (or --base-url). To send over plain http anyway, pass ${INSECURE_HTTP_FLAG} (or set ${INSECURE_HTTP_ENV}=1).`
        : `The project's Elasticsearch endpoint is not https. To send over plain http anyway, pass ${INSECURE_HTTP_FLAG} (or set ${INSECURE_HTTP_ENV}=1).`,
  });
}

/** `transport`, refusing every request when its root is plain http to another machine. */
export function refuseCleartext(transport: Transport, refusal: ApiError | undefined): Transport {
  return refusal ? { ...transport, send: () => Promise.reject(refusal) } : transport;
}
