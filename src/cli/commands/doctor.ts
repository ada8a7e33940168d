/**
 * `doctor`: every doctor rule over the loaded organization. Findings are the answer, not a failure, so the exit
 * code is 0 whatever is found; only a failure to load is 1. Invitation tokens appear in the domain's finding ids
 * and fixes (they are an invitation's only id), so they are redacted here before anything is printed.
 */
import { doctorJson, runDoctor as diagnose } from '../../domain/doctor/index.js';
import { scrubText } from '../../util/redact.js';
import type { CommandContext } from '../command-spec.js';
import { withSession } from './shared/connect.js';
import { createOutput } from './shared/output.js';
import { loadSnapshot } from './shared/snapshot.js';

export async function runDoctor(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  return withSession(ctx, async (session) => {
    const snapshot = await loadSnapshot(session, { customRoles: true, deployments: true, projectKeys: true });
    const findings = diagnose(snapshot, { selfKeyId: session.selfKeyId });
    const tokens = snapshot.invitations.map((i) => i.token);
    const document = doctorJson(findings);
    const scrubbed: unknown = JSON.parse(scrubText(JSON.stringify(document), tokens));
    out.result(scrubbed, () =>
      scrubText(
        document.findings.length === 0
          ? 'No access problems found.'
          : [
              `${document.summary.total} finding${document.summary.total === 1 ? '' : 's'}: ${document.summary.critical} critical, ${document.summary.warning} warning, ${document.summary.info} info`,
              ...document.findings.map((f) => `\n[${f.severity}] ${f.title}\n  ${f.why}`),
            ].join('\n'),
        tokens,
      ),
    );
    for (const [projectId, state] of snapshot.customRoles) {
      if (state.status === 'unavailable') out.note(`custom roles of project ${projectId} not checked: ${state.reason}`);
    }
    for (const { project, state } of snapshot.projectKeys ?? []) {
      if (state.status === 'unreadable') out.note(`API keys of project ${project.name} not checked: ${state.reason}`);
    }
    return 0;
  });
}
