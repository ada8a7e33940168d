/** The undici modules src/api/undici.ts imports one by one, typed from the package's own declarations. */
declare module 'undici/lib/dispatcher/dispatcher.js' {
  import { Dispatcher } from 'undici';
  export default Dispatcher;
}
/** request, stream, pipeline, upgrade and connect: the methods undici's index adds to every dispatcher. */
declare module 'undici/lib/api/index.js' {
  const api: Readonly<Record<string, (...args: never[]) => unknown>>;
  export default api;
}
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
