import { describe, expect, it } from 'vitest';
import {
  confirmReducer,
  INITIAL_CONFIRM,
  type ConfirmAction,
  type ConfirmState,
} from '../../components/confirm/model.js';
import type { SendResult } from '../../components/confirm/spec.js';

const run = (actions: readonly ConfirmAction[], from: ConfirmState = INITIAL_CONFIRM) =>
  actions.reduce(confirmReducer, from);
const submit: ConfirmAction = { type: 'submit', phrase: 'revoke 2', blocked: false };

describe('confirmReducer', () => {
  it('sends only on the exact phrase, and says so when Enter comes with anything else', () => {
    const near = run([{ type: 'edit', text: 'revoke ' }, submit]);
    expect(near.phase.kind).toBe('typing');
    expect(near.mismatch).toBe(true);
    expect(run([{ type: 'edit', text: 'revoke 2' }, submit], near).phase.kind).toBe('sending');
  });

  it('a second Enter (a double tap, or a paste ending in Enter twice) changes nothing once sending', () => {
    const sending = run([{ type: 'edit', text: 'revoke 2' }, submit]);
    expect(confirmReducer(sending, submit)).toBe(sending);
    expect(confirmReducer(sending, { type: 'edit', text: 'x' })).toBe(sending);
  });

  it('blocked: the phrase does not unlock it', () => {
    expect(
      run([
        { type: 'edit', text: 'revoke 2' },
        { ...submit, blocked: true },
      ]).phase.kind,
    ).toBe('typing');
  });

  it('goes sending → verifying → done, ignoring out-of-order answers', () => {
    const sent: SendResult = { ok: true };
    expect(run([{ type: 'sent', sent }]).phase.kind).toBe('typing');
    const verifying = run([{ type: 'edit', text: 'revoke 2' }, submit, { type: 'sent', sent }]);
    expect(verifying.phase).toEqual({ kind: 'verifying', sent });
    expect(confirmReducer(verifying, { type: 'refreshed' }).phase).toEqual({ kind: 'done', sent });
  });
});
