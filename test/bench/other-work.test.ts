/** Whether a bench run was taken on a quiet machine: the CPU others used, not the load the bench itself makes. */
import { expect, it } from 'vitest';
import { cpuSnapshot, machineBusyTicks, otherWorkBetween, ownTicks } from '../../bench/other-work.js';
import { busyMachine } from '../../bench/report.js';

it('counts user, nice, system, irq, softirq and steal as busy, not idle or iowait', () => {
  const stat = 'cpu  100 5 20 9000 300 7 3 11 0 0\ncpu0 50 2 10 4500 150 3 1 5 0 0\nintr 1 2 3\n';
  expect(machineBusyTicks(stat)).toBe(100 + 5 + 20 + 7 + 3 + 11);
  expect(() => machineBusyTicks('intr 1 2 3\n')).toThrow(/cpu line/);
});

it("reads a process's own and its children's CPU, whatever its command name holds", () => {
  const fields = (comm: string) =>
    `4242 (${comm}) S 1 4242 4242 0 -1 4194304 10 0 0 0 120 30 400 50 20 0 1 0 99 1000 10 18446744073709551615`;
  expect(ownTicks(fields('node'))).toBe(120 + 30 + 400 + 50);
  expect(ownTicks(fields('a (b) c'))).toBe(600);
});

it("is the machine's busy time less the bench's own, as a share of every CPU over the span", () => {
  const from = { machine: 100, own: 40, at: 0 };
  const to = { machine: 220, own: 150, at: 50_000 };
  const work = otherWorkBetween(from, to, 2);
  expect(work.cpuSeconds).toBeCloseTo(10, 9);
  expect(work.share).toBeCloseTo(0.1, 9);
  expect(work.spanSeconds).toBe(50);
  expect(otherWorkBetween(from, { machine: 120, own: 70, at: 1000 }, 2).cpuSeconds).toBe(0);
});

it('calls a run busy by the work of others, and by the load only where that cannot be read', () => {
  const load = { before: 0.4, after: 2.4, cpus: 2 };
  const quiet = { cpuSeconds: 1, share: 0.01, spanSeconds: 60 };
  expect(busyMachine({ load, otherWork: quiet })).toBe(false);
  expect(busyMachine({ load, otherWork: { ...quiet, share: 0.3 } })).toBe(true);
  expect(busyMachine({ load })).toBe(true);
  expect(busyMachine({ load: { ...load, before: 2.5 }, otherWork: quiet })).toBe(true);
});

it('takes snapshots on Linux that grow with the CPU this process uses', () => {
  const first = cpuSnapshot();
  if (process.platform !== 'linux') return expect(first).toBeUndefined();
  let spin = 0;
  const until = performance.now() + 60;
  while (performance.now() < until) spin += 1;
  const second = cpuSnapshot()!;
  expect(spin).toBeGreaterThan(0);
  expect(second.own).toBeGreaterThan(first!.own);
  // The machine's busy time includes this process's (to the 10 ms tick).
  expect(second.machine - first!.machine).toBeGreaterThanOrEqual(second.own - first!.own - 0.02);
});
