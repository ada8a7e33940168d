/** `enter` on a finding: open whatever applies its fix, pre-filled, or say plainly that nothing can yet. */
import type { FixAction } from '../../src/domain/doctor/index.js';
import type { OpenContext } from '../access/open-context.js';
import { FIX_OPENERS, type FixKind, type FixOpener, type FixOpeners } from './fix-openers.js';

/** Whether `enter` can do something about this fix today (the details line says so before it is pressed). */
export function canFix(fix: FixAction, openers: FixOpeners = FIX_OPENERS): boolean {
  return openers[fix.kind] !== undefined;
}

export function dispatchFix(fix: FixAction, ctx: OpenContext, openers: FixOpeners = FIX_OPENERS): void {
  // The mapped type pairs each kind with its own opener; indexing by a union loses that pairing, so restore it here.
  const open = openers[fix.kind] as FixOpener<FixKind> | undefined;
  if (open) open(fix, ctx);
  else ctx.actions.notify(`fix not available yet: ${fix.kind}`, 'warning');
}
