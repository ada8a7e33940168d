/** A request understood: open its wizard pre-filled and say what it plans, or say that no wizard can show it yet. */
import type { Intent, IntentKind } from '../../src/domain/intent/index.js';
import type { OpenContext } from '../access/open-context.js';
import { describeIntent } from './intent-summary.js';

/** Each kind's own intent: the mapped form lets a generic lookup keep kind and intent paired (TypeScript #47109). */
export type IntentOf = { readonly [K in IntentKind]: Extract<Intent, { kind: K }> };

export type IntentOpener<K extends IntentKind> = (intent: IntentOf[K], ctx: OpenContext) => void;

/** The table is screens/intent-openers.ts: it opens wizards, which this layer does not import. */
export type IntentOpeners = { readonly [K in IntentKind]: IntentOpener<K> | undefined };

/** Generic in the kind, so the opener looked up and the intent passed to it are of the same kind. */
function openIntentOf<K extends IntentKind>(
  openers: IntentOpeners,
  kind: K,
  intent: IntentOf[K],
  ctx: OpenContext,
): boolean {
  const open: IntentOpener<K> | undefined = openers[kind];
  open?.(intent, ctx);
  return open !== undefined;
}

export function openIntent(intent: Intent, notes: readonly string[], ctx: OpenContext, openers: IntentOpeners): void {
  const plan = [describeIntent(intent, ctx.snapshot), ...notes].join(' · ');
  if (!openIntentOf(openers, intent.kind, intent, ctx)) {
    ctx.actions.notify(`wizard not available yet: ${intent.kind} (plan: ${plan})`, 'warning');
    return;
  }
  ctx.actions.notify(`Plan: ${plan}`, 'accent', { whilePanelOpen: true });
}
