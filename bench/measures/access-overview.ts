/**
 * P1 — "who has access to what" (members, invitations, keys, the three project lists, names resolved) with
 * 50 ms of latency on every request.
 *
 * ec-access: from spawning the process until a project's "Who has access here" is on screen with every group
 * counted. That view needs all six lists (it is computed from the whole organization snapshot), so it is the
 * first moment the complete, name-resolved answer is visible. The app starts on that project
 * (`ec-access projects --filter <name>`) and Enter is pressed as soon as the row shows, as a user would.
 *
 * Baseline: the skill's scripts, one process per command, sequentially (skill-scripts.ts ACCESS_OVERVIEW).
 *
 * The headline is a start with the organization already remembered for the key (src/config/org-memory.ts), as on
 * every start but a key's first: one `ec-access projects list` is run against the sandbox beforehand, with the
 * same state directory. A key's first start (nothing remembered, discovery before the organization's lists) is
 * measured beside it and reported in the notes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForList } from '../../test/e2e/app-screen.js';
import { binPath } from '../../test/e2e/harness.js';
import { describeBusy, withBusyWatch, type Busy, type BusyWatch } from '../busy.js';
import { launchAgainst } from '../app.js';
import { CLI_OVERVIEW, runCliOverview } from '../cli-commands.js';
import { CONFIG } from '../config.js';
import { timeProcess } from '../process.js';
import { NotMeasured, type MeasureResult } from '../result.js';
import { withSandbox, type BenchSandbox } from '../sandbox.js';
import { ACCESS_OVERVIEW, findSkillScripts, HOW_TO_GET_SCRIPTS, runSequence } from '../skill-scripts.js';
import { median, ms, ratio } from '../stats.js';

const ID = 'P1';
const TITLE = 'Who has access to what, 50 ms latency per request';
/** Times faster than the skill's scripts run one after the other (issue 22). */
const GOAL_SPEEDUP = 5;

interface Timing {
  /** Spawn → the whole answer on screen. */
  readonly total: number;
  /** Spawn → the first byte the app wrote: the terminal taken, once Node has started, read the configuration and sent the first requests (the UI loads after). */
  readonly startup: number;
  /** With `busyFile`: how much of that the process spent working. */
  readonly busy?: Busy;
}

/** A state directory where ec-access has already run once with the sandbox's key (so it remembers the organization). */
async function rememberingStateHome(sandbox: BenchSandbox): Promise<string> {
  const stateHome = mkdtempSync(join(tmpdir(), 'ec-bench-state-'));
  const env = { EC_API_KEY: sandbox.apiKey, EC_BASE_URL: sandbox.baseUrl, EC_HTTP2: 'h2c', XDG_STATE_HOME: stateHome };
  await timeProcess(process.execPath, [binPath(), 'projects', 'list', '--json'], env, 'ec-access projects list');
  return stateHome;
}

async function oursOnce(watch?: BusyWatch, options: { firstStart?: boolean } = {}): Promise<Timing> {
  return withSandbox({ latencyMs: CONFIG.latencyMs }, async (sandbox) => {
    const stateHome = options.firstStart ? undefined : await rememberingStateHome(sandbox);
    const { app, startedAt } = await launchAgainst(sandbox, ['projects', '--filter', CONFIG.project], {
      ...(watch ? { nodeArgs: watch.nodeArgs } : {}),
      env: { ...watch?.env, ...(stateHome ? { XDG_STATE_HOME: stateHome } : {}) },
    });
    const firstOutput = app.nextOutputAt(15_000);
    try {
      await waitForList(app, 'Projects', { pollMs: 2, timeoutMs: 15_000 });
      await app.waitForText(CONFIG.project, { pollMs: 2 });
      app.write('\r');
      await app.waitFor(
        (s) =>
          /Who has access here/.test(s) &&
          /Members \(\d+\)/.test(s) &&
          /API keys \(\d+\)/.test(s) &&
          !/loading…/.test(s),
        `the audience of ${CONFIG.project}`,
        { pollMs: 2, timeoutMs: 15_000 },
      );
      const done = performance.now();
      const busy = watch?.seen(performance.timeOrigin + done);
      return { total: done - startedAt, startup: ((await firstOutput) ?? done) - startedAt, ...(busy ? { busy } : {}) };
    } finally {
      await app.close();
      if (stateHome) rmSync(stateHome, { recursive: true, force: true });
    }
  });
}

/** One more session, watched: is the time spent waiting on the two round trips, or working? */
function whereTheTimeGoes(): Promise<string> {
  return withBusyWatch(async (watch) => {
    const { busy, total } = await oursOnce(watch);
    const rounds = busy
      ? `; 2 round trips of ${ms(CONFIG.latencyMs)} are ${ms(2 * CONFIG.latencyMs)} of the ${ms(total)}, and they overlap that work`
      : '';
    return `where the time goes: ${describeBusy(busy, 'until the answer was on screen')}${rounds}`;
  });
}

export async function measureAccessOverview(): Promise<MeasureResult> {
  const goal = `≥ ${GOAL_SPEEDUP}× faster than the scripts, and ≤ 2 round trips + 300 ms (${2 * CONFIG.latencyMs + 300} ms)`;
  const timings: Timing[] = [];
  const firstStarts: number[] = [];
  const theirs: number[] = [];
  const cli: number[] = [];
  let cliFailure: string | undefined;
  let scriptsMissing: string | undefined;
  let scripts: ReturnType<typeof findSkillScripts> | undefined;
  try {
    scripts = findSkillScripts();
  } catch (error) {
    if (!(error instanceof NotMeasured)) throw error;
    scriptsMissing = error.message;
  }
  // Side by side: alternate the contestants so drift on the machine hits both equally.
  for (let run = 0; run < CONFIG.runs; run++) {
    timings.push(await oursOnce());
    firstStarts.push((await oursOnce(undefined, { firstStart: true })).total);
    if (!cliFailure) {
      try {
        cli.push(await withSandbox({ latencyMs: CONFIG.latencyMs }, runCliOverview));
      } catch (error) {
        cliFailure = error instanceof Error ? error.message.split('\n')[0] : String(error);
      }
    }
    if (scripts) {
      const s = scripts;
      theirs.push(
        await withSandbox(
          { latencyMs: CONFIG.latencyMs },
          async (sandbox) => (await runSequence(s, ACCESS_OVERVIEW, sandbox)).totalMs,
        ),
      );
    }
  }
  const ours = timings.map((t) => t.total);
  const oursMedian = median(ours);
  const budget = 2 * CONFIG.latencyMs + 300;
  const startup = median(timings.map((t) => t.startup));
  const notes = [
    `ec-access samples: ${ours.map(ms).join(', ')}`,
    `of which start-up (spawn → first byte written: Node started, configuration read, first requests sent; the UI loads while they travel): median ${ms(startup)}; first byte → complete answer: median ${ms(median(timings.map((t) => t.total - t.startup)))}`,
    `measured: spawn of \`ec-access projects --filter ${CONFIG.project}\` → Enter on the row → "Who has access here" with all groups counted, the organization remembered from an earlier run with the key`,
    `a key's first start (nothing remembered: GET /organizations answered before the organization's lists are asked for, one round trip more): median ${ms(median(firstStarts))}; samples ${firstStarts.map(ms).join(', ')}`,
    cliFailure
      ? `ec-access scriptable commands: not measured (${cliFailure})`
      : `ec-access scriptable commands, one process each like the scripts (${CLI_OVERVIEW.map((a) => a.join(' ')).join('; ')}): median ${ms(median(cli))}`,
  ];
  const withinBudget = oursMedian <= budget;
  if (!scripts || theirs.length === 0) {
    notes.push(`baseline skipped: ${scriptsMissing ?? 'no runs'}`);
    return {
      id: ID,
      title: TITLE,
      goal,
      ours: ms(oursMedian),
      verdict: 'partly measured',
      summary: `${withinBudget ? 'within' : `over by ${ms(oursMedian - budget)}`} the ${ms(budget)} budget; no baseline (${HOW_TO_GET_SCRIPTS})`,
      notes,
    };
  }
  const theirsMedian = median(theirs);
  const speedup = theirsMedian / oursMedian;
  notes.push(
    `scripts samples: ${theirs.map(ms).join(', ')}`,
    `scripts run: ${ACCESS_OVERVIEW.map((s) => `${s.script === 'cloudAccess' ? 'cloud_access.py' : 'manage-project.py'} ${s.args.join(' ')}`).join('; ')} (no script lists pending invitations)`,
  );
  const met = speedup >= GOAL_SPEEDUP && withinBudget;
  notes.push(await whereTheTimeGoes());
  const misses = [
    speedup < GOAL_SPEEDUP
      ? `speed-up ${ratio(speedup)} is short of ${GOAL_SPEEDUP}× by ${ratio(GOAL_SPEEDUP - speedup)}`
      : '',
    !withinBudget ? `${ms(oursMedian - budget)} over the ${ms(budget)} budget` : '',
  ].filter(Boolean);
  return {
    id: ID,
    title: TITLE,
    goal,
    ours: ms(oursMedian),
    baseline: ms(theirsMedian),
    verdict: met ? 'met' : 'missed',
    summary: `${ratio(speedup)} faster than the scripts${misses.length ? `; ${misses.join('; ')}` : ''}`,
    notes,
  };
}
