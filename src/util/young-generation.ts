/**
 * The interactive session stops V8's young generation from growing any further (`--semi-space-growth-factor=1`): it
 * keeps the size it reached while the program loaded (4 MB semi-spaces on Node 20) instead of growing to 16 MB ones
 * as a large organization is parsed, and grown semi-spaces stay committed. At 10,000 members that was about 18 MB of
 * the session's peak (bench P4: 134 against 116 MB). The price: a filter keystroke allocates about 2 MB (Ink draws
 * every row anew), so typing sees a scavenge every two or three keys instead of every ten (bench P3 counts them).
 * `--optimize-for-size` saved as much but cost some 10% more CPU at a 1,000-member start (bench P2). One-shot
 * commands (exports, JSON lists) keep V8's default, which favours throughput.
 *
 * Set after start, before the session loads anything: V8 reads it at each growth decision (measured on Node 20). A
 * Node whose V8 ignores it only loses the saving.
 */
import { setFlagsFromString } from 'node:v8';

export function stopYoungGenerationGrowth(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
