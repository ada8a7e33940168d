/**
 * The parts of undici the transport uses, assembled as undici's index assembles them. The index also loads fetch,
 * WebSocket, EventSource, the caches, mocks and interceptors: about 350 kB that every start parsed before its
 * first request. Types: src/types/undici-parts.d.ts.
 */
import dispatcherApi from 'undici/lib/api/index.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';

// What the index does on load: every dispatcher gets request(), connect() and the rest (ProxyAgent tunnels through
// the proxy with connect()).
Object.assign(Dispatcher.prototype, dispatcherApi);

export { default as Agent } from 'undici/lib/dispatcher/agent.js';
export { default as EnvHttpProxyAgent } from 'undici/lib/dispatcher/env-http-proxy-agent.js';
export { default as H2CClient } from 'undici/lib/dispatcher/h2c-client.js';
export { default as Pool } from 'undici/lib/dispatcher/pool.js';
