/**
 * `ec-access tour [--reset]`: hands-on lessons on a sandbox organization of the learner's own, kept in the state
 * directory so a lesson can be resumed. Never against a real organization: the lessons create, change and revoke
 * things on purpose.
 */
import { createCloudClient } from '../../api/cloud-client.js';
import { createEsClient } from '../../api/es-client.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { LESSONS } from '../../tour/lessons/index.js';
import { loadProgress, resetTour, tourFiles, type TourFiles } from '../../tour/progress.js';
import { createTourRunner } from '../../tour/runner.js';
import { sandboxIo } from '../../tour/sandbox-io.js';
import { ensureStateDir } from '../../util/state-dir.js';
import { tourRenderer } from '../../../components/tour/TourApp.js';
import type { CommandContext } from '../command-spec.js';
import { EXIT_USAGE } from '../exit-codes.js';
import { runTuiWith } from './tui-session.js';

export const CLOUD_REFUSAL =
  'ec-access: the tour only runs on the built-in sandbox: its lessons invite people, change roles and revoke keys.\n' +
  'A Cloud API key is configured (EC_API_KEY or .env). Run it with --sandbox, or without the key.\n';

const NO_TTY = 'ec-access: the tour is interactive and needs a terminal (stdin and stdout must be a TTY).\n';

/**
 * The learner's sandbox: reopened from its state file when there is one, else seeded anew. A random seed makes a
 * reset visibly a different organization.
 */
export function openTourSandbox(files: TourFiles): Promise<RunningSandbox> {
  return startSandbox({ stateFile: files.sandbox, seed: 1 + Math.floor(Math.random() * 1_000_000) });
}

export async function runTour(ctx: CommandContext): Promise<number> {
  const config = ctx.loadConfig();
  if (config.mode !== 'sandbox') {
    ctx.io.stderr(CLOUD_REFUSAL);
    return EXIT_USAGE;
  }
  const files = tourFiles(ensureStateDir(undefined, ctx.io.env));
  if (ctx.values.reset === true) {
    resetTour(files);
    ctx.io.stderr('ec-access: tour progress and its sandbox organization were reset.\n');
  }
  if (!ctx.io.stdinIsTty || !ctx.io.stdoutIsTty) {
    ctx.io.stderr(NO_TTY);
    return EXIT_USAGE;
  }
  const sandbox = await openTourSandbox(files);
  const progress = loadProgress(files.progress);
  const runner = createTourRunner(sandboxIo(sandbox, files.progress), progress);
  const code = await runTuiWith(
    { createCloudClient, createEsClient, startSandbox: () => Promise.resolve(sandbox) },
    config,
    {
      screen: 'members',
      renderApp: tourRenderer(runner),
    },
  );
  const done = runner.getView().progress.completed.length;
  ctx.io.stdout(
    done >= LESSONS.length
      ? 'Tour complete. `ec-access tour --reset` starts over on a fresh organization.\n'
      : // Short enough for an 80-column terminal.
        `Tour progress saved: ${done} of ${LESSONS.length} lessons done. \`ec-access tour\` resumes here.\n`,
  );
  return code;
}
