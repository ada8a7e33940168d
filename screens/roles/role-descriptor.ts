/** An Elasticsearch role descriptor as readable lines: cluster, indices with DLS/FLS, Kibana privileges. */
import type { Role } from '../../src/api/schemas.js';
import { field, line, tone, type Line } from '../../src/ui/lines.js';

const list = (values: readonly string[] | string) => (typeof values === 'string' ? values : values.join(', ')) || '—';

export function descriptorLines(role: Role): Line[] {
  const out: Line[] = [];
  if (role.description) out.push(field('Description', role.description));
  out.push(field('Cluster', list(role.cluster)));
  if (role.indices.length === 0) out.push(field('Indices', tone('muted', 'none')));
  role.indices.forEach((entry, i) => {
    out.push(field(i === 0 ? 'Indices' : '', tone('accent', list(entry.names)), ': ', list(entry.privileges)));
    const fls = entry.field_security;
    if (fls?.grant) out.push(field('', tone('muted', '  fields granted: '), list(fls.grant)));
    if (fls?.except) out.push(field('', tone('muted', '  fields except: '), list(fls.except)));
    if (entry.query !== undefined) {
      const query = typeof entry.query === 'string' ? entry.query : JSON.stringify(entry.query);
      out.push(field('', tone('muted', '  documents (DLS): '), query));
    }
  });
  if (role.applications.length === 0) out.push(field('Kibana', tone('muted', 'none')));
  role.applications.forEach((app, i) => {
    const label = app.application === 'kibana-.kibana' ? 'Kibana' : app.application;
    const where = app.resources.map((r) => (r === '*' ? 'all spaces' : r.replace(/^space:/, 'space '))).join(', ');
    out.push(
      field(
        i === 0 ? 'Kibana' : '',
        list(app.privileges),
        tone('muted', ` in ${where}`),
        app.application !== 'kibana-.kibana' ? tone('muted', ` (${label})`) : undefined,
      ),
    );
  });
  if ((role.run_as ?? []).length > 0) out.push(field('Run as', list(role.run_as ?? [])));
  return out.length > 0 ? out : [line(tone('muted', 'empty descriptor'))];
}
