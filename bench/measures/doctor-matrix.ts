/**
 * P6 — the doctor and the effective-access matrix at 10,000 members / 300 projects / 500 keys against listing the
 * members. The doctor: `ec-access doctor --json` and `ec-access members list --json` from spawn to exit against the
 * large sandbox, alternated, median of CONFIG.runs each. The matrix has no command of its own (the TUI's `A`), so its
 * computation is timed in this process on the organization loaded with the built app's own client and loader, and
 * added to the members list's time: "list the members, then compute the matrix". The doctor's computation alone is
 * timed the same way, for where its time goes.
 */
import { binPath } from '../../test/e2e/harness.js';
import { builtFunction, importBuilt } from '../built.js';
import { CONFIG } from '../config.js';
import { timeProcess } from '../process.js';
import type { MeasureResult } from '../result.js';
import { withSandbox, type BenchSandbox } from '../sandbox.js';
import { median, ms, ratio } from '../stats.js';

const ID = 'P6';
const TITLE = 'Doctor and access matrix vs members list (10,000 members, 300 projects, 500 keys)';
const GOAL = '≤ 2× the time of `members list --json`';
const GOAL_RATIO = 2;

/** The shapes this measure relies on, as the built modules' sources declare them (src/…). */
interface Organization {
  readonly id: string;
}
interface Project {
  readonly id: string;
  readonly type: string;
}
interface Snapshot {
  readonly projects: readonly Project[];
}
interface Cloud {
  listOrganizations(): Promise<readonly Organization[]>;
  getProjectRoles(type: string, id: string): Promise<ReadonlyArray<{ readonly name: string }>>;
}
type CustomRoles = ReadonlyMap<string, { status: 'loaded'; names: readonly string[]; source: 'cloud' }>;

interface Compute {
  readonly doctorMs: number[];
  readonly matrixMs: number[];
  readonly cells: number;
}

/** The organization as the doctor command loads it (custom roles included), then each computation timed. */
async function computeInProcess(sandbox: BenchSandbox): Promise<Compute> {
  const [cloudClient, secret, orgSnapshot, access, doctor] = await Promise.all([
    importBuilt('api/cloud-client.js'),
    importBuilt('util/secret.js'),
    importBuilt('state/org-snapshot.js'),
    importBuilt('domain/access/index.js'),
    importBuilt('domain/doctor/index.js'),
  ]);
  const Secret = builtFunction<new (value: string) => object>(secret, 'Secret');
  const createCloudClient = builtFunction<(options: object) => Cloud>(cloudClient, 'createCloudClient');
  const loadOrgSnapshot = builtFunction<(sources: object) => Promise<Snapshot>>(orgSnapshot, 'loadOrgSnapshot');
  const activePrincipals = builtFunction<(snapshot: Snapshot) => readonly unknown[]>(access, 'activePrincipals');
  const accessMatrix = builtFunction<
    (snapshot: Snapshot, principals: readonly unknown[], projects: readonly Project[]) => { cells: unknown[][] }
  >(access, 'accessMatrix');
  const runDoctor = builtFunction<(snapshot: Snapshot) => unknown[]>(doctor, 'runDoctor');

  const cloud = createCloudClient({ baseUrl: sandbox.baseUrl, apiKey: new Secret(sandbox.apiKey), http2: 'h2c' });
  const orgId = (await cloud.listOrganizations())[0]?.id;
  if (!orgId) throw new Error('the sandbox lists no organization');
  const customRoles = async (projects: readonly Project[]): Promise<CustomRoles> =>
    new Map(
      await Promise.all(
        projects.map(async (p) => {
          const names = (await cloud.getProjectRoles(p.type, p.id)).map((r) => r.name);
          return [p.id, { status: 'loaded', names, source: 'cloud' }] as const;
        }),
      ),
    );
  const snapshot = await loadOrgSnapshot({ cloud, orgId, customRoles });

  const time = (work: () => unknown) => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };
  const doctorMs: number[] = [];
  const matrixMs: number[] = [];
  let cells = 0;
  for (let i = 0; i < CONFIG.runs; i++) {
    doctorMs.push(time(() => runDoctor(snapshot)));
    matrixMs.push(
      time(() => {
        const rows = accessMatrix(snapshot, activePrincipals(snapshot), snapshot.projects).cells;
        cells = rows.length * (rows[0]?.length ?? 0);
      }),
    );
  }
  return { doctorMs, matrixMs, cells };
}

export async function measureDoctorMatrix(): Promise<MeasureResult> {
  return withSandbox(CONFIG.largeSandbox, async (sandbox) => {
    const env = { EC_API_KEY: sandbox.apiKey, EC_BASE_URL: sandbox.baseUrl, EC_HTTP2: 'h2c' };
    const times: Record<'members' | 'doctor', number[]> = { members: [], doctor: [] };
    // Alternated, so a burst of load elsewhere on the machine falls on both sides.
    for (let i = 0; i < CONFIG.runs; i++) {
      times.members.push((await timeProcess(process.execPath, [binPath(), 'members', 'list', '--json'], env)).ms);
      times.doctor.push((await timeProcess(process.execPath, [binPath(), 'doctor', '--json'], env)).ms);
    }
    const compute = await computeInProcess(sandbox);
    const members = median(times.members);
    const doctor = median(times.doctor);
    const matrix = median(compute.matrixMs);
    const doctorRatio = doctor / members;
    const matrixRatio = (members + matrix) / members;
    const worst = Math.max(doctorRatio, matrixRatio);
    return {
      id: ID,
      title: TITLE,
      goal: GOAL,
      ours: `doctor ${ratio(doctorRatio)}, matrix ${ratio(matrixRatio)}`,
      verdict: worst <= GOAL_RATIO ? 'met' : 'missed',
      summary:
        `doctor ${ms(doctor)} and members list ${ms(members)} (median of ${CONFIG.runs}); matrix computed in ${ms(matrix)}` +
        (worst <= GOAL_RATIO ? '' : `; over the goal by ${ratio(worst - GOAL_RATIO)}`),
      notes: [
        "`ec-access doctor --json` and `ec-access members list --json` against the large sandbox (h2c on loopback), spawn to exit, alternated. The doctor also loads every project's custom roles and project keys (600 more requests).",
        `members list runs: ${times.members.map(ms).join(', ')}; doctor runs: ${times.doctor.map(ms).join(', ')}.`,
        `In this process, on the same organization loaded by the built client: the doctor's rules take ${ms(median(compute.doctorMs))}, the matrix (${compute.cells.toLocaleString('en-US')} cells, every active principal × every project) ${ms(matrix)} (medians of ${CONFIG.runs}; runs ${compute.matrixMs.map(ms).join(', ')}).`,
        'The matrix figure is (members list + matrix computation) / members list: the TUI computes it from lists it already has.',
      ],
    };
  });
}
