/** `enter` on a finding: open whatever applies its fix, pre-filled (every FixAction kind has an opener). */
import type { FixAction } from '../../src/domain/doctor/index.js';
import type { OpenContext } from '../access/open-context.js';

export type FixKind = FixAction['kind'];

/** Each kind's own fix: the mapped form lets a generic lookup keep kind and fix paired (TypeScript #47109). */
export type FixOf = { readonly [K in FixKind]: Extract<FixAction, { kind: K }> };

export type FixOpener<K extends FixKind> = (fix: FixOf[K], ctx: OpenContext) => void;

/** The table is screens/fix-openers.ts: it opens wizards, which this layer does not import. */
export type FixOpeners = { readonly [K in FixKind]: FixOpener<K> };

export function dispatchFix(fix: FixAction, ctx: OpenContext, openers: FixOpeners): void {
  openFix(openers, fix.kind, fix, ctx);
}

/** Generic in the kind, so the opener looked up and the fix passed to it are of the same kind. */
function openFix<K extends FixKind>(openers: FixOpeners, kind: K, fix: FixOf[K], ctx: OpenContext): void {
  const open: FixOpener<K> = openers[kind];
  open(fix, ctx);
}
