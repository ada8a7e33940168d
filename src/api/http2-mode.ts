/**
 * `auto`: HTTP/2 when the TLS handshake agrees on it, HTTP/1.1 in clear text. `h2c`: HTTP/2 in clear text too,
 * without asking first (prior knowledge; the sandbox speaks it). `off`: HTTP/1.1 only, for a proxy or server that
 * mishandles HTTP/2. A module of its own so the configuration can check EC_HTTP2 without loading the HTTP client
 * (undici), which `--help` and `--version` never need (bench P7).
 */
export const HTTP2_MODES = ['auto', 'h2c', 'off'] as const;
export type Http2Mode = (typeof HTTP2_MODES)[number];
