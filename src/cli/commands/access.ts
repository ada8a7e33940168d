/**
 * `access`: the access review. One row per grant (who, where, which role, how, until when), filtered, in one of
 * four formats; with `--since FILE`, only what changed since an earlier JSON export. The rows, formats and the
 * diff are pure (src/domain/review); this loads the organization, reads the earlier export and prints.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DiffRefused,
  diffExports,
  filterMismatch,
  isReviewFormat,
  isScopeTypeFilter,
  parseAccessExport,
  renderDiff,
  exportPieces,
  reviewExport,
  reviewFindings,
  REVIEW_FORMATS,
  SCOPE_TYPE_FILTERS,
  type AccessDiff,
  type AccessExport,
  type GrantFilter,
  type ReviewFormat,
} from '../../domain/review/index.js';
import { UsageError } from '../args.js';
import type { CommandContext } from '../command-spec.js';
import { withSession } from './shared/connect.js';
import { flag, text } from './shared/flags.js';
import { createOutput } from './shared/output.js';
import { resolveProject } from './shared/resolve-project.js';
import { loadSnapshot } from './shared/snapshot.js';

function formatOf(ctx: CommandContext): ReviewFormat {
  const format = text(ctx.values, 'format');
  if (format === undefined) return ctx.io.stdoutIsTty ? 'table' : 'json';
  if (!isReviewFormat(format)) throw new UsageError(`--format must be one of ${REVIEW_FORMATS.join(', ')}`);
  return format;
}

function typeOf(ctx: CommandContext): GrantFilter['type'] {
  const type = text(ctx.values, 'type');
  if (type === undefined) return undefined;
  if (!isScopeTypeFilter(type)) throw new UsageError(`--type must be one of ${SCOPE_TYPE_FILTERS.join(', ')}`);
  return type;
}

/** The earlier export, read and checked before anything is loaded: a wrong file costs no API calls. */
function readPrevious(ctx: CommandContext): AccessExport | undefined {
  const path = text(ctx.values, 'since');
  if (path === undefined) return undefined;
  const absolute = resolve(ctx.io.cwd, path);
  let content: string;
  try {
    content = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    throw new UsageError(
      `--since: cannot read ${absolute}${code === 'ENOENT' ? ' (no such file)' : ` (${code ?? 'error'})`}`,
    );
  }
  try {
    return parseAccessExport(content, path);
  } catch (error) {
    throw new UsageError(`--since: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function accessReview(ctx: CommandContext): Promise<number> {
  const format = formatOf(ctx);
  const type = typeOf(ctx);
  const email = text(ctx.values, 'member');
  const keyId = text(ctx.values, 'key');
  const projectInput = text(ctx.values, 'project');
  const withFindings = flag(ctx.values, 'with-findings');
  const previous = readPrevious(ctx);
  // The shared output path (stdout, and whatever cleaning it applies), told which of its two modes this format is.
  const out = createOutput({ ...ctx, values: { ...ctx.values, json: format === 'json', table: format !== 'json' } });

  return withSession(ctx, async (session) => {
    // Each project's own API keys hold access too; a project whose keys cannot be read is named below.
    const snapshot = await loadSnapshot(session, { customRoles: true, deployments: true, projectKeys: true });
    const filter: GrantFilter = {
      ...(projectInput !== undefined ? { projectId: resolveProject(snapshot.projects, projectInput).id } : {}),
      ...(email !== undefined ? { email } : {}),
      ...(keyId !== undefined ? { keyId } : {}),
      ...(type !== undefined ? { type } : {}),
    };
    const findings = withFindings ? reviewFindings(snapshot, { selfKeyId: session.selfKeyId }) : undefined;
    const doc = reviewExport(snapshot, { filter, ...(findings ? { findings } : {}) });
    for (const [projectId, state] of snapshot.customRoles) {
      if (state.status === 'unavailable')
        out.note(`custom roles of project ${projectId} not checked (missing roles cannot be told): ${state.reason}`);
    }
    for (const { project, state } of snapshot.projectKeys ?? []) {
      if (state.status === 'unreadable')
        out.note(`API keys of project ${project.name} not read (not in this review): ${state.reason}`);
    }
    if (previous) {
      let diff: AccessDiff;
      try {
        diff = diffExports(previous, doc);
      } catch (error) {
        if (!(error instanceof DiffRefused)) throw error;
        out.note(`refusing to compare: ${error.message}`);
        return 1;
      }
      const mismatch = filterMismatch(previous, doc);
      if (mismatch) out.note(mismatch);
      out.result(diff, () => renderDiff(diff, format));
      return 0;
    }
    if (findings && format === 'csv') out.note('findings are not part of CSV output; use --format json or md for them');
    // Written while serialized, at the reader's pace; a reader that stops early (`| head`) is not a failure.
    await out.resultPieces(doc, () => exportPieces(doc, format));
    return 0;
  });
}
