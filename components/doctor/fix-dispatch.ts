/** `enter` on a finding: open whatever applies its fix, pre-filled (every FixAction kind has an opener). */
import type { FixAction } from '../../src/domain/doctor/index.js';
import type { OpenContext } from '../access/open-context.js';
import { FIX_OPENERS, type FixKind, type FixOpener, type FixOpeners } from './fix-openers.js';

export function dispatchFix(fix: FixAction, ctx: OpenContext, openers: FixOpeners = FIX_OPENERS): void {
  // The mapped type pairs each kind with its own opener; indexing by a union loses that pairing, so restore it here.
  (openers[fix.kind] as FixOpener<FixKind>)(fix, ctx);
}
