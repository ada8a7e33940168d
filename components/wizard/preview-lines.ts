/**
 * The exact request as styled lines: method and full URL, then the body pretty-printed exactly as
 * JSON.stringify(body, null, 2) prints it, with every token toned (the theme drops colour under NO_COLOR, so the
 * text is the same either way and can be copied or parsed back).
 */
import type { ApiRequest } from '../../src/api/requests.js';
import { breakAfter } from '../../src/ui/break-after.js';
import { line, tone, type Line, type Segment } from '../../src/ui/lines.js';

const INDENT = '  ';
const URL_INDENT = '    ';

function scalar(value: unknown): Segment {
  if (typeof value === 'string') return tone('success', JSON.stringify(value));
  if (typeof value === 'number') return tone('warning', JSON.stringify(value));
  if (value === null || typeof value === 'boolean') return tone('sandbox', JSON.stringify(value));
  return { text: JSON.stringify(value) ?? 'null' };
}

/** Lines of `value` at `depth`; `prefix` is the key part ("\"name\": ") of the first line, `suffix` its comma. */
function valueLines(value: unknown, depth: number, prefix: readonly Segment[], suffix: string): Line[] {
  const pad = INDENT.repeat(depth);
  const open = (text: string): Line => [{ text: pad }, ...prefix, { text }];
  const close = (text: string): Line => [{ text: pad + text + suffix }];
  if (Array.isArray(value)) {
    if (value.length === 0) return [open('[]' + suffix)];
    const items = value.flatMap((item, i) => valueLines(item, depth + 1, [], i < value.length - 1 ? ',' : ''));
    return [open('['), ...items, close(']')];
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return [open('{}' + suffix)];
    const items = entries.flatMap(([k, v], i) =>
      valueLines(v, depth + 1, [tone('accent', JSON.stringify(k)), { text: ': ' }], i < entries.length - 1 ? ',' : ''),
    );
    return [open('{'), ...items, close('}')];
  }
  return [[{ text: pad }, ...prefix, scalar(value), ...(suffix ? [{ text: suffix }] : [])]];
}

export function jsonLines(value: unknown): Line[] {
  return valueLines(value, 0, [], '');
}

/**
 * `width` (optional) fits the method and URL line into that many columns, breaking the URL after a slash onto
 * indented lines: the exact URL must stay readable in full at 80 columns, never cut off.
 */
export function requestLines(request: ApiRequest, url: string, width = Number.POSITIVE_INFINITY): Line[] {
  const method = tone(request.method === 'DELETE' ? 'danger' : 'accent', request.method, true);
  const [first = '', ...rest] = breakAfter(url, width - request.method.length - 1, '/');
  const tail =
    rest.length === 0
      ? []
      : breakAfter(rest.join(''), width - URL_INDENT.length, '/').map((part) => line(URL_INDENT + part));
  const head = [line(method, ' ', first), ...tail];
  return request.body === undefined ? head : [...head, ...jsonLines(request.body)];
}
