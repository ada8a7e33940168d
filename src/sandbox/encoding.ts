/**
 * HTTP content codings, both ways. Request bodies: `Content-Encoding: gzip` (what the official Elasticsearch
 * clients send with `compression: true`, their default for Cloud and `serverMode: 'serverless'`), `deflate`, or
 * `identity`; the size limit applies to the decoded bytes too, so a small compressed body cannot expand without
 * bound. Responses: compressed when `Accept-Encoding` asks for gzip or deflate (RFC 9110 §12.5.3), as Elastic Cloud's
 * front end does.
 */
import { deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';

export type Decoded =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly status: 400 | 413 | 415; readonly message: string };

const codingsOf = (header: string | undefined): string[] =>
  (header ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');

/** The body as text after undoing each listed coding (last applied first), within `maxBytes`. */
export function decodeBody(raw: Buffer, contentEncoding: string | undefined, maxBytes: number): Decoded {
  let bytes = raw;
  for (const coding of codingsOf(contentEncoding).reverse()) {
    const options = { maxOutputLength: maxBytes };
    try {
      if (coding === 'gzip' || coding === 'x-gzip') bytes = gunzipSync(bytes, options);
      else if (coding === 'deflate') bytes = inflateSync(bytes, options);
      else
        return { ok: false, status: 415, message: `unsupported Content-Encoding "${coding}" (gzip and deflate are)` };
    } catch (error) {
      if (error instanceof RangeError)
        return { ok: false, status: 413, message: `bodies are limited to ${maxBytes} bytes once decompressed` };
      return { ok: false, status: 400, message: `the ${coding} request body could not be decompressed` };
    }
  }
  return { ok: true, text: bytes.toString('utf8') };
}

export type ResponseCoding = 'gzip' | 'deflate';

/** The coding to answer with: gzip, else deflate, when the client accepts it (q=0 refuses); else none. */
export function responseCoding(acceptEncoding: string | undefined): ResponseCoding | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    accepted.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const allows = (coding: ResponseCoding) => (accepted.get(coding) ?? accepted.get('*') ?? 0) > 0;
  if (allows('gzip')) return 'gzip';
  if (allows('deflate')) return 'deflate';
  return undefined;
}

export function encodeBody(body: string, coding: ResponseCoding): Buffer {
  return coding === 'gzip' ? gzipSync(body) : deflateSync(body);
}
