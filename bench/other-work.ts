/**
 * Whether the machine was quiet while P1–P8 ran. The load average cannot tell: the bench itself keeps both CPUs of a
 * 2-core machine busy (the app in its pty, and this process with the sandbox and the terminal emulator), so a fair
 * run reads "load 2" at its end. What counts is the CPU time the rest of the machine used meanwhile: all the
 * machine's busy time (/proc/stat) minus this process's and its waited-for children's (/proc/self/stat).
 */
import { readFileSync } from 'node:fs';

export interface CpuSnapshot {
  /** Busy time of every CPU of the machine, seconds. */
  readonly machine: number;
  /** This process and the children it has waited for, seconds. */
  readonly own: number;
  /** performance.now() when taken. */
  readonly at: number;
}

export interface OtherWork {
  /** CPU seconds the rest of the machine used between the snapshots. */
  readonly cpuSeconds: number;
  /** That time as a share of all the CPUs over the span (0–1). */
  readonly share: number;
  readonly spanSeconds: number;
}

/** Clock ticks per second in /proc (USER_HZ): 100 on every Linux architecture Node runs on. */
const TICKS = 100;

/** The busy ticks of the first `cpu` line of /proc/stat: user, nice, system, irq, softirq and steal (not idle, iowait). */
export function machineBusyTicks(procStat: string): number {
  const fields = /^cpu\s+(.*)$/m.exec(procStat)?.[1]?.trim().split(/\s+/).map(Number);
  if (!fields || fields.length < 8 || fields.some((n) => !Number.isFinite(n)))
    throw new Error('no cpu line in /proc/stat');
  // user, nice, system, idle, iowait, irq, softirq, steal
  return [0, 1, 2, 5, 6, 7].reduce((busy, i) => busy + fields[i]!, 0);
}

/** utime + stime + cutime + cstime of a /proc/<pid>/stat line (fields 14–17; the command name may hold spaces). */
export function ownTicks(selfStat: string): number {
  const rest = selfStat.slice(selfStat.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state), so field n is rest[n - 3].
  const times = [rest[11], rest[12], rest[13], rest[14]].map(Number);
  if (times.some((n) => !Number.isFinite(n))) throw new Error('unexpected /proc/self/stat');
  return times.reduce((a, b) => a + b, 0);
}

/** A snapshot now, or undefined where /proc cannot be read (not Linux). */
export function cpuSnapshot(): CpuSnapshot | undefined {
  try {
    return {
      machine: machineBusyTicks(readFileSync('/proc/stat', 'utf8')) / TICKS,
      own: ownTicks(readFileSync('/proc/self/stat', 'utf8')) / TICKS,
      at: performance.now(),
    };
  } catch {
    return undefined;
  }
}

export function otherWorkBetween(from: CpuSnapshot, to: CpuSnapshot, cpus: number): OtherWork {
  const spanSeconds = (to.at - from.at) / 1000;
  const cpuSeconds = Math.max(0, to.machine - from.machine - (to.own - from.own));
  return { cpuSeconds, share: spanSeconds > 0 ? cpuSeconds / (spanSeconds * cpus) : 0, spanSeconds };
}

/** Above this share of the machine used by other work, the run is reported as taken on a busy machine. */
export const BUSY_SHARE = 0.1;
