/** The four formats of an export: JSON round-trips, CSV is RFC 4180 and formula-safe, Markdown is a review document. */
import { describe, expect, it } from 'vitest';
import {
  ACCESS_SCHEMA,
  accessExport,
  accessReview,
  csvCell,
  ExportReadError,
  mdText,
  parseAccessExport,
  renderExport,
} from '../../../src/domain/review/index.js';
import { acmeOrg, orgRole, pid, projectRole } from '../../fixtures/org.js';

function exportOf() {
  const snapshot = acmeOrg()
    .member('alice', projectRole('elasticsearch', 'elasticsearch-developer', [pid('search-prod')]))
    .owner('olga')
    .key('=HYPERLINK("http://x.example"), "quoted"', {
      roles: projectRole('observability', 'observability-viewer', 'all', ['viewer']),
    })
    .key('+1 | pipe * star', { roles: orgRole('billing-admin') })
    .build();
  return accessExport(snapshot, accessReview(snapshot));
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks), for checking what we wrote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    const pair = text.slice(i, i + 2);
    let step = 1;
    if (quoted && pair === '""') {
      field += '"';
      step = 2;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) field += c;
    else if (c === ',') endField();
    else if (pair === '\r\n') {
      endField();
      records.push(record);
      record = [];
      step = 2;
    } else field += c;
    i += step;
  }
  return records;
}

describe('JSON', () => {
  it('carries organization, time, schema version and a summary, and reads back', () => {
    const doc = exportOf();
    const text = renderExport(doc, 'json');
    expect(JSON.parse(text)).toMatchObject({
      schema: ACCESS_SCHEMA,
      organization: { id: 'org-1', name: 'Acme' },
      generated_at: '2026-03-01T12:00:00.000Z',
      summary: { principals: { member: 2, invitation: 0, 'cloud-key': 2 } },
    });
    expect(parseAccessExport(text, 'q1.json')).toEqual({ ...doc, grants: doc.grants });
  });

  it('refuses what is not an export of this schema version, saying which', () => {
    expect(() => parseAccessExport('not json', 'x.json')).toThrow(/x.json is not JSON/);
    expect(() => parseAccessExport('{"members":[]}', 'x.json')).toThrow(/not an ec-access access export/);
    const v2 = JSON.stringify({ ...exportOf(), schema: 'ec-access/access@2' });
    expect(() => parseAccessExport(v2, 'x.json')).toThrow(/schema ec-access\/access@2.*only ec-access\/access@1/);
    const damaged = JSON.stringify({ ...exportOf(), grants: [{ principal: {} }] });
    expect(() => parseAccessExport(damaged, 'x.json')).toThrow(ExportReadError);
  });
});

describe('CSV', () => {
  it('is RFC 4180: CRLF records, one header, quoted fields with doubled quotes', () => {
    const doc = exportOf();
    const text = renderExport(doc, 'csv');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const records = parseCsv(text);
    expect(records[0]![0]).toBe('principal_kind');
    expect(records).toHaveLength(doc.grants.length + 1);
    for (const r of records) expect(r).toHaveLength(records[0]!.length);
    const identities = records.slice(1).map((r) => r[2]);
    expect(identities).toContain(`'=HYPERLINK("http://x.example"), "quoted"`);
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a-b@c')).toBe('a-b@c');
  });
});

describe('Markdown', () => {
  it('is a review document: header, summary, then one section per scope with its table', () => {
    const text = renderExport(exportOf(), 'md');
    const headings = text.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Access review: Acme',
      '## Summary',
      '## Organization',
      '## Project obs-prod (observability)',
      '## Project search-prod (elasticsearch)',
      '## Project search-staging (elasticsearch)',
      '## Project sec-prod (security)',
    ]);
    expect(text).toContain('| Members | 2 |');
    expect(text).toContain('| member | alice@example.com | elasticsearch-developer | developer | direct | - |');
  });

  it('escapes names so they cannot break a table or inject markup', () => {
    const text = renderExport(exportOf(), 'md');
    expect(text).toContain('+1 \\| pipe \\* star');
    expect(mdText('<img src=x>[a](b)')).toBe('\\<img src=x\\>\\[a\\](b)');
    for (const row of text.split('\n').filter((l) => l.startsWith('| Cloud API key |'))) {
      expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(8);
    }
  });
});

describe('table', () => {
  it('has one line per grant under a header and a closing count', () => {
    const doc = exportOf();
    const lines = renderExport(doc, 'table').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^PRINCIPAL\s+IDENTITY\s+SCOPE\s+ROLE\s+STACK ROLES\s+VIA\s+EXPIRES$/);
    expect(lines).toHaveLength(doc.grants.length + 3);
    expect(lines.at(-1)).toBe(
      `${doc.grants.length} grants (2 member, 0 invitation, 2 cloud-key, 0 project-key) in Acme, as of 2026-03-01T12:00:00.000Z`,
    );
  });
});
