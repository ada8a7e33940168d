/**
 * The baseline: the Elastic agent skills' Python scripts, run the way a user (or an agent) runs them, one process
 * per command, one after the other. They are not part of this repository; see bench/README.md for where to get
 * them. Looked for in $EC_SKILL_SCRIPTS_DIR (a checkout of elastic/agent-skills, or a folder holding the two
 * scripts), then bench/vendor/agent-skills.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../test/e2e/harness.js';
import { timeProcess, type TimedRun } from './process.js';
import { NotMeasured } from './result.js';

const ACCESS = 'skills/cloud/access-management/scripts/cloud_access.py';
const PROJECTS = 'skills/cloud/manage-project/scripts/manage-project.py';

export const HOW_TO_GET_SCRIPTS =
  'get them from the public elastic/agent-skills repository (' +
  `${ACCESS} and ${PROJECTS}): ` +
  'git clone https://github.com/elastic/agent-skills bench/vendor/agent-skills (or set EC_SKILL_SCRIPTS_DIR to a checkout)';

export interface SkillScripts {
  readonly cloudAccess: string;
  readonly manageProject: string;
}

function inDir(dir: string): SkillScripts | undefined {
  for (const [access, projects] of [
    [join(dir, ACCESS), join(dir, PROJECTS)],
    [join(dir, 'cloud_access.py'), join(dir, 'manage-project.py')],
  ] as const) {
    if (existsSync(access) && existsSync(projects)) return { cloudAccess: access, manageProject: projects };
  }
  return undefined;
}

/** The scripts, or NotMeasured saying how to obtain them. */
export function findSkillScripts(): SkillScripts {
  const dirs = [process.env.EC_SKILL_SCRIPTS_DIR, join(repoRoot(), 'bench', 'vendor', 'agent-skills')].filter(
    (d): d is string => !!d,
  );
  for (const dir of dirs) {
    const found = inDir(dir);
    if (found) return found;
  }
  throw new NotMeasured(`the skill's Python scripts are not on this machine; ${HOW_TO_GET_SCRIPTS}`);
}

export type ScriptRun = TimedRun;

/** One script invocation as a user runs it: `python3 <script> <args>`, with the key and base URL in the environment. */
export function runScript(
  script: string,
  args: readonly string[],
  env: { baseUrl: string; apiKey: string },
): Promise<ScriptRun> {
  const label = `python3 ${script.split('/').pop()} ${args.join(' ')}`;
  return timeProcess('python3', [script, ...args], { EC_API_KEY: env.apiKey, EC_BASE_URL: env.baseUrl }, label);
}

/**
 * "Who has access to what" with the scripts: members (which also looks up the organization), API keys, and the
 * three project lists. The scripts have no command for pending invitations, so that part of the picture is
 * missing from the baseline (in ec-access's favour it is not: ec-access fetches them too).
 */
export const ACCESS_OVERVIEW: ReadonlyArray<{ script: keyof SkillScripts; args: readonly string[] }> = [
  { script: 'cloudAccess', args: ['list-members'] },
  { script: 'cloudAccess', args: ['list-api-keys'] },
  { script: 'manageProject', args: ['list', '--type', 'elasticsearch'] },
  { script: 'manageProject', args: ['list', '--type', 'observability'] },
  { script: 'manageProject', args: ['list', '--type', 'security'] },
];

export async function runSequence(
  scripts: SkillScripts,
  steps: ReadonlyArray<{ script: keyof SkillScripts; args: readonly string[] }>,
  env: { baseUrl: string; apiKey: string },
): Promise<{ totalMs: number; runs: ScriptRun[] }> {
  const runs: ScriptRun[] = [];
  const started = performance.now();
  for (const step of steps) runs.push(await runScript(scripts[step.script], step.args, env));
  return { totalMs: performance.now() - started, runs };
}
