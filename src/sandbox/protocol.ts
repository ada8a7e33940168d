/**
 * How clients should talk to the sandbox: it answers HTTP/2 in clear text (prior knowledge) as well as HTTP/1.1
 * (server.ts), so ec-access multiplexes its requests over one connection, as it does with the real API over TLS.
 * A module of its own so clients can name it without loading the simulation.
 */
import type { Http2Mode } from '../api/http.js';

export const SANDBOX_HTTP2: Http2Mode = 'h2c';
