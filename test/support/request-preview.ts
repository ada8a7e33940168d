/**
 * Reads the requests a plan preview shows on screen (components/PlanView.tsx): a line "METHOD URL" (a long URL
 * continues on the next lines, broken after slashes), then, for a request with a body, JSON starting with `{` or `[` and ending at the bracket that closes it. Panel borders and
 * indentation are stripped first. Shared by the in-process wizard tests and the pty scenarios.
 */
export interface PreviewedRequest {
  readonly method: string;
  readonly url: string;
  /** The parsed body; undefined when the request has none or the screen cuts it off before it closes. */
  readonly body: unknown;
}

const REQUEST_LINE = /^\s*(POST|PUT|DELETE|PATCH|GET) (https?:\/\/\S+)/;

export function previewedRequests(frame: string): PreviewedRequest[] {
  const lines = frame.split('\n').map((l) => l.replace(/^[│|]+\s?/, '').replace(/\s*[│|]+\s*$/, ''));
  const requests: PreviewedRequest[] = [];
  for (let i = 0; i < lines.length; i++) {
    const request = REQUEST_LINE.exec(lines[i]!);
    if (!request) continue;
    const [, method, head] = request;
    if (method === undefined || head === undefined) continue;
    // A long URL continues on indented lines of one token each (broken after a slash) before the body starts.
    let start = i + 1;
    let url = head;
    while (start < lines.length && /^\s+[^\s{[]\S*$/.test(lines[start]!)) url += lines[start++]!.trim();
    const first = lines[start]?.trim();
    if (first !== '{' && first !== '[') {
      requests.push({ method, url, body: undefined });
      continue;
    }
    const indent = lines[start]!.indexOf(first);
    const close = first === '{' ? '}' : ']';
    const text: string[] = [];
    let closed = false;
    for (let j = start; j < lines.length && !closed; j++) {
      text.push(lines[j]!.slice(indent));
      closed = j > start && lines[j]!.slice(indent).replace(/,$/, '') === close;
    }
    requests.push({ method, url, body: closed ? JSON.parse(text.join('\n')) : undefined });
  }
  return requests;
}

/** The bodies of the previewed requests that have one, in order. */
export function parsePreviewedBodies(frame: string): unknown[] {
  return previewedRequests(frame).flatMap((r) => (r.body === undefined ? [] : [r.body]));
}
