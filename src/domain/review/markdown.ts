/**
 * The Markdown review document: what was reviewed (organization, time, filters), a summary, then one section per
 * scope (the organization, each project, deployments) with its table, then the doctor's findings if included.
 * Every value is escaped, so a name cannot break a table or inject links or HTML.
 */
import type { DoctorJson } from '../doctor/index.js';
import { expiresCell, roleCell, stackRolesCell, VIA_LABEL } from './cells.js';
import type { AccessDiff } from './diff.js';
import type { AccessExport, AccessExportFilters } from './document.js';
import type { AccessGrant } from './grants.js';
import { kindLabel, PRINCIPAL_KIND_ORDER, PRINCIPAL_KINDS } from './principals.js';

export function mdText(text: string): string {
  return text.replace(/[\\`*[\]<>|#~]/g, (c) => `\\${c}`);
}

function mdTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, align?: string[]): string[] {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map((_, i) => align?.[i] ?? '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(mdText).join(' | ')} |`),
  ];
}

const GRANT_HEADERS = ['Principal', 'Identity', 'Role', 'Stack roles', 'Granted', 'Expires'];
const grantRow = (g: AccessGrant) => [
  kindLabel(g.principal.kind),
  g.principal.identity,
  roleCell(g),
  stackRolesCell(g),
  VIA_LABEL[g.via],
  expiresCell(g),
];

export function filtersText(filters: AccessExportFilters): string {
  const given = Object.entries(filters).filter(([, v]) => v !== null);
  return given.length === 0 ? 'none' : given.map(([k, v]) => `--${k} ${v}`).join(', ');
}

interface Section {
  readonly title: string;
  readonly grants: AccessGrant[];
}

function sectionsOf(grants: readonly AccessGrant[]): Section[] {
  const organization: Section = { title: 'Organization', grants: [] };
  const deployments: Section = { title: 'Deployments', grants: [] };
  const projects = new Map<string, Section>();
  for (const g of grants) {
    if (g.scope.kind === 'organization') organization.grants.push(g);
    else if (g.scope.kind === 'deployment') deployments.grants.push(g);
    else {
      let section = projects.get(g.scope.id);
      if (!section) {
        section = { title: `Project ${g.scope.name} (${g.scope.type})`, grants: [] };
        projects.set(g.scope.id, section);
      }
      section.grants.push(g);
    }
  }
  const byTitle = [...projects.values()].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  return [organization, ...byTitle, deployments].filter((s) => s.grants.length > 0);
}

function findingsSection(findings: DoctorJson): string[] {
  const { summary } = findings;
  return [
    '## Findings of the access doctor',
    '',
    `${summary.total} finding(s): ${summary.critical} critical, ${summary.warning} warning, ${summary.info} info.`,
    '',
    ...findings.findings.map((f) => `- **${f.severity}**: ${mdText(f.title)}. ${mdText(f.why)}`),
    '',
  ];
}

export function exportMarkdown(doc: AccessExport): string {
  const sections = sectionsOf(doc.grants);
  const count = (kind: (typeof PRINCIPAL_KIND_ORDER)[number]) => doc.summary.principals[kind];
  const summaryRows = [
    ...PRINCIPAL_KIND_ORDER.map((kind) => [capital(PRINCIPAL_KINDS[kind].plural), String(count(kind))]),
    ['Grants', String(doc.summary.grants)],
    ['Projects reached', String(doc.summary.projects)],
  ];
  const lines = [
    `# Access review: ${mdText(doc.organization.name)}`,
    '',
    `- Organization: ${mdText(doc.organization.name)} (${mdText(doc.organization.id)})`,
    `- Data as of: ${doc.generated_at}`,
    `- Filters: ${mdText(filtersText(doc.filters))}`,
    `- Schema: ${doc.schema}`,
    '',
    '## Summary',
    '',
    ...mdTable(['', 'Count'], summaryRows, ['---', '---:']),
    '',
    ...(sections.length > 0
      ? mdTable(
          ['Scope', 'Principals', 'Grants'],
          sections.map((s) => [
            s.title,
            String(new Set(s.grants.map((g) => `${g.principal.kind}:${g.principal.id}`)).size),
            String(s.grants.length),
          ]),
          ['---', '---:', '---:'],
        )
      : ['No grants.']),
    '',
    ...sections.flatMap((s) => [`## ${mdText(s.title)}`, '', ...mdTable(GRANT_HEADERS, s.grants.map(grantRow)), '']),
    ...(doc.findings ? findingsSection(doc.findings) : []),
  ];
  return lines.join('\n');
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const scopeText = (g: AccessGrant) =>
  g.scope.kind === 'organization' ? 'organization' : `${g.scope.name} (${g.scope.type})`;
const diffRow = (g: AccessGrant) => [
  kindLabel(g.principal.kind),
  g.principal.identity,
  scopeText(g),
  roleCell(g),
  VIA_LABEL[g.via],
  expiresCell(g),
];
const DIFF_HEADERS = ['Principal', 'Identity', 'Scope', 'Role', 'Granted', 'Expires'];
const grantsText = (grants: readonly AccessGrant[]) =>
  grants.map((g) => `${roleCell(g)} (${VIA_LABEL[g.via]})`).join('; ');

export function diffMarkdown(diff: AccessDiff): string {
  const s = diff.summary;
  const part = (title: string, body: string[]) => (body.length > 0 ? [`## ${title}`, '', ...body, ''] : []);
  return [
    `# Access changes: ${mdText(diff.organization.name)}`,
    '',
    `- From ${diff.since} to ${diff.until}`,
    `- ${s.added} added, ${s.removed} removed, ${s.altered} altered, ${s.principals_gone} principal(s) gone, ${s.keys_expired} key(s) expired`,
    '',
    ...part('Grants added', diff.added.length ? mdTable(DIFF_HEADERS, diff.added.map(diffRow)) : []),
    ...part('Grants removed', diff.removed.length ? mdTable(DIFF_HEADERS, diff.removed.map(diffRow)) : []),
    ...part(
      'Grants altered',
      diff.altered.length
        ? mdTable(
            ['Principal', 'Identity', 'Scope', 'Before', 'After'],
            diff.altered.map((c) => [
              kindLabel(c.principal.kind),
              c.principal.identity,
              scopeText(c.after[0]!),
              grantsText(c.before),
              grantsText(c.after),
            ]),
          )
        : [],
    ),
    ...part(
      'Principals gone',
      diff.principals_gone.map(
        (p) => `- ${kindLabel(p.principal.kind)} ${mdText(p.principal.identity)} (${p.grants} grant(s))`,
      ),
    ),
    ...part(
      'Keys expired',
      diff.keys_expired.map(
        (k) => `- ${mdText(k.principal.identity)} (${mdText(k.principal.id)}), expired ${k.expired_at}`,
      ),
    ),
  ].join('\n');
}
