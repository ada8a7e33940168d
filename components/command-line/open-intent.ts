/** A request understood: open its wizard pre-filled and say what it plans, or say that no wizard can show it yet. */
import type { Intent, IntentKind } from '../../src/domain/intent/index.js';
import type { OpenContext } from '../access/open-context.js';
import { INTENT_OPENERS, type IntentOpener, type IntentOpeners } from './intent-openers.js';
import { describeIntent } from './intent-summary.js';

export function openIntent(
  intent: Intent,
  notes: readonly string[],
  ctx: OpenContext,
  openers: IntentOpeners = INTENT_OPENERS,
): void {
  const plan = [describeIntent(intent, ctx.snapshot), ...notes].join(' · ');
  // The mapped type pairs each kind with its own opener; indexing by a union loses that pairing, so restore it here.
  const open = openers[intent.kind] as IntentOpener<IntentKind> | undefined;
  if (!open) {
    ctx.actions.notify(`wizard not available yet: ${intent.kind} (plan: ${plan})`, 'warning');
    return;
  }
  open(intent, ctx);
  ctx.actions.notify(`Plan: ${plan}`, 'accent');
}
