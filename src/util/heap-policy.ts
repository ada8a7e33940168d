/**
 * The interactive session asks V8 to favour memory over speed (`--optimize-for-size`): its heap grows in smaller
 * steps, so less garbage piles up in it between full collections, and its young generation is kept at half V8's
 * largest. At 10,000 members the default growth put some 18 MB more at the peak (bench P4: 134 against 116 MB). The
 * price, measured on a busy machine: about three times as many collections while typing a filter (still under a
 * millisecond of pause a key, bench P3) and some 30 ms more CPU for a 1,000-member cold start (bench P2). One-shot
 * commands (exports, JSON lists) keep V8's defaults, which favour throughput.
 *
 * Set after start, before the session loads anything: V8 reads it at each growth decision (measured on Node 20).
 * A Node whose V8 ignores it only loses the saving. `--semi-space-growth-factor=1` would save some 10 MB more by
 * not growing the young generation at all, but a filter keystroke allocates about 2 MB (Ink redraws every row), so
 * it meant two scavenges per key and several times the GC time while typing (bench P3).
 */
import { setFlagsFromString } from 'node:v8';

export function favourMemoryOverSpeed(): void {
  setFlagsFromString('--optimize-for-size');
}
