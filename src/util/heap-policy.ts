/**
 * The interactive session asks V8 to favour memory over speed (`--optimize-for-size`): its heap grows in smaller
 * steps, so less garbage piles up in it between full collections, and its young generation is kept at half V8's
 * largest. A session holds one organization for its whole life and is idle between keys, so the extra collections
 * cost it little, while at 10,000 members the default growth put some 20 MB more at the peak (bench P4). One-shot
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
