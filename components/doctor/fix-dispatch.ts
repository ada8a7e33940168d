/** `enter` on a finding: open whatever applies its fix, pre-filled (every FixAction kind has an opener). */
import type { FixAction } from '../../src/domain/doctor/index.js';
import type { OpenContext } from '../access/open-context.js';
import { FIX_OPENERS, type FixKind, type FixOf, type FixOpener, type FixOpeners } from './fix-openers.js';

export function dispatchFix(fix: FixAction, ctx: OpenContext, openers: FixOpeners = FIX_OPENERS): void {
  openFix(openers, fix.kind, fix, ctx);
}

/** Generic in the kind, so the opener looked up and the fix passed to it are of the same kind. */
function openFix<K extends FixKind>(openers: FixOpeners, kind: K, fix: FixOf[K], ctx: OpenContext): void {
  const open: FixOpener<K> = openers[kind];
  open(fix, ctx);
}
