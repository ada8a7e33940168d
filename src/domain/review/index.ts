/**
 * Access reviews: the effective access as grant rows, filtered, exported (table, JSON, CSV, Markdown) and compared
 * with an earlier JSON export. Pure: the command and the TUI load the organization and write the files.
 */
export { accessGrants, accessReview, ALL_DEPLOYMENTS, compareGrants } from './grants.js';
export type { AccessGrant, GrantedVia, GrantScope, ReviewPrincipal, ScopeKind, ScopeType } from './grants.js';
export { PRINCIPAL_KINDS, kindLabel } from './principals.js';
export type { GrantPrincipal, ReviewPrincipalKind } from './principals.js';
export { filterGrants, filterPrincipals, isScopeTypeFilter, matchesFilter, SCOPE_TYPE_FILTERS } from './filters.js';
export type { GrantFilter, ScopeTypeFilter } from './filters.js';
export { ACCESS_SCHEMA, accessExport, ExportReadError, parseAccessExport, reviewExport } from './document.js';
export type { AccessExport, AccessExportFilters } from './document.js';
export { ACCESS_DIFF_SCHEMA, checkComparable, DiffRefused, diffExports, filterMismatch } from './diff.js';
export type { AccessDiff, ExpiredKey, GonePrincipal, GrantChange } from './diff.js';
export { exportPieces, FORMAT_EXTENSION, isReviewFormat, renderDiff, renderExport, REVIEW_FORMATS } from './format.js';
export type { ReviewFormat } from './format.js';
export { csvCell } from './csv.js';
export { mdText } from './markdown.js';
export { reviewFindings } from './findings.js';
