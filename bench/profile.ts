/**
 * Where the time went: the hottest functions (self time) of a V8 CPU profile, for the "why" of a missed goal.
 * Run the app with `node --cpu-prof --cpu-prof-dir=<dir>`; the profile is written when it exits normally.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The parts of V8's .cpuprofile this reads. */
const CpuProfile = z.looseObject({
  nodes: z.array(
    z.looseObject({
      id: z.number(),
      callFrame: z.looseObject({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

const NOT_WORK = new Set(['(idle)', '(program)', '(root)']);

/** The `count` functions with the most self time, as "884 ms byText (screens/types.js:8)"; the newest profile in `dir`. */
export function hottestFunctions(dir: string, root: string, count = 6): string[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort();
  const last = files.at(-1);
  if (!last) return [];
  const profile = CpuProfile.parse(JSON.parse(readFileSync(join(dir, last), 'utf8')));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    if (!frame || NOT_WORK.has(frame.functionName)) return;
    const file = frame.url.replace(`file://${root}/`, '').replace(/^.*node_modules\//, '');
    const key = `${frame.functionName || '(anonymous)'}${file ? ` (${file}:${frame.lineNumber + 1})` : ''}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return [...selfUs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => `${Math.round(us / 1000)} ms ${name}`);
}

/** Time by kind of work in the newest profile in `dir`: V8 compiling JavaScript, garbage collection, the rest. */
export function workByKind(dir: string): { compile: number; gc: number; total: number } | undefined {
  const last = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()
    .at(-1);
  if (!last) return undefined;
  const profile = CpuProfile.parse(JSON.parse(readFileSync(join(dir, last), 'utf8')));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const us = { compile: 0, gc: 0, total: 0 };
  profile.samples.forEach((id, i) => {
    const name = nodes.get(id)?.callFrame.functionName ?? '';
    if (NOT_WORK.has(name)) return;
    const delta = profile.timeDeltas[i] ?? 0;
    us.total += delta;
    // Node's module loaders hand source to V8 through these; their self time is V8 parsing and compiling it.
    if (/^compile(SourceTextModule|ForInternalLoader|Function)$|^wrapSafe$/.test(name)) us.compile += delta;
    if (name === '(garbage collector)') us.gc += delta;
  });
  return { compile: us.compile / 1000, gc: us.gc / 1000, total: us.total / 1000 };
}
