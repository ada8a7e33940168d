/** The four output formats of a review, for an export and for a diff. */
import { diffCsv, grantsCsv, grantsCsvPieces } from './csv.js';
import type { AccessDiff } from './diff.js';
import type { AccessExport } from './document.js';
import { diffMarkdown, exportMarkdown } from './markdown.js';
import { diffText, exportText } from './text.js';

export const REVIEW_FORMATS = ['table', 'json', 'csv', 'md'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

export function isReviewFormat(value: string): value is ReviewFormat {
  return (REVIEW_FORMATS as readonly string[]).includes(value);
}

/** File name extension per format (the TUI's export names its file with it). */
export const FORMAT_EXTENSION: Record<ReviewFormat, string> = { table: 'txt', json: 'json', csv: 'csv', md: 'md' };

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function renderExport(doc: AccessExport, format: ReviewFormat): string {
  switch (format) {
    case 'json':
      return json(doc);
    case 'csv':
      return grantsCsv(doc.grants);
    case 'md':
      return exportMarkdown(doc);
    case 'table':
      return exportText(doc);
  }
}

/** renderExport in pieces, for writing while it is produced: CSV record by record, the small formats whole. */
export function exportPieces(doc: AccessExport, format: ReviewFormat): Iterable<string> {
  return format === 'csv' ? grantsCsvPieces(doc.grants) : [renderExport(doc, format)];
}

export function renderDiff(diff: AccessDiff, format: ReviewFormat): string {
  switch (format) {
    case 'json':
      return json(diff);
    case 'csv':
      return diffCsv(diff);
    case 'md':
      return diffMarkdown(diff);
    case 'table':
      return diffText(diff);
  }
}
