/**
 * The undici modules src/api/http.ts imports one by one, typed from the package's own declarations. undici's index
 * also loads fetch, WebSocket, EventSource, the caches, mocks and interceptors: about 350 kB that every start
 * parsed before its first request.
 */
declare module 'undici/lib/dispatcher/agent.js' {
  import { Agent } from 'undici';
  export default Agent;
}
declare module 'undici/lib/dispatcher/pool.js' {
  import { Pool } from 'undici';
  export default Pool;
}
declare module 'undici/lib/dispatcher/h2c-client.js' {
  import { H2CClient } from 'undici';
  export default H2CClient;
}
declare module 'undici/lib/dispatcher/env-http-proxy-agent.js' {
  import { EnvHttpProxyAgent } from 'undici';
  export default EnvHttpProxyAgent;
}
/** Dispatcher#request, which undici's index adds to every dispatcher's prototype; called with the dispatcher as this. */
declare module 'undici/lib/api/api-request.js' {
  import type { Dispatcher } from 'undici';
  export default function request(
    this: Dispatcher,
    options: Dispatcher.RequestOptions,
  ): Promise<Dispatcher.ResponseData>;
}
