import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ApiRequest } from '../../src/api/requests.js';
import { createPlan, describeOutcome, runPlan, type Plan } from '../../src/domain/plan.js';
import { parseAs } from '../support/json.js';

const StepBody = z.object({ n: z.number() });
const request = (n: number): ApiRequest => ({
  method: 'POST',
  path: `/step/${n}`,
  body: { n },
  target: { service: 'cloud' },
  summary: `step ${n}`,
});

describe('runPlan', () => {
  it('sends every step in order and reports all of them as taking effect', async () => {
    const sent: string[] = [];
    const outcome = await runPlan(createPlan('t', [request(1), request(2)]), (r) => {
      sent.push(r.path);
      return Promise.resolve();
    });
    expect(sent).toEqual(['/step/1', '/step/2']);
    expect(outcome.ok).toBe(true);
    expect(outcome.tookEffect.map((s) => s.request.path)).toEqual(['/step/1', '/step/2']);
    expect(describeOutcome(outcome)).toBe('All 2 steps done.');
  });

  it('stops at the failure, skips the rest and keeps the error message and hint', async () => {
    const error = Object.assign(new Error('Forbidden'), { hint: 'Use an owner key' });
    const outcome = await runPlan(createPlan('t', [request(1), request(2), request(3)]), (r) =>
      r.path === '/step/2' ? Promise.reject(error) : Promise.resolve(),
    );
    expect(outcome.plan.steps.map((s) => s.status)).toEqual(['ok', 'failed', 'skipped']);
    expect(outcome.failed?.error).toEqual({ message: 'Forbidden', hint: 'Use an owner key' });
    expect(describeOutcome(outcome)).toBe('Step 2 failed; already took effect: step 1. Not sent: 1.');
  });

  it('hands response bodies to onResponse only, never into the plan', async () => {
    const bodies: unknown[] = [];
    const outcome = await runPlan(
      createPlan('t', [request(1)]),
      () => Promise.resolve({ key: 'secret' }),
      undefined,
      (_, b) => bodies.push(b),
    );
    expect(bodies).toEqual([{ key: 'secret' }]);
    expect(JSON.stringify(outcome.plan)).not.toContain('secret');
  });

  it('property: stops at the first failure, never runs later steps, took-effect = exactly the ok steps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 0, maxLength: 12 }), async (succeeds) => {
        const sent: number[] = [];
        const updates: Plan[] = [];
        const plan = createPlan(
          'p',
          succeeds.map((_, i) => request(i)),
        );
        const outcome = await runPlan(
          plan,
          (r) => {
            const { n } = parseAs(StepBody, r.body, 'step body');
            sent.push(n);
            return succeeds[n] ? Promise.resolve() : Promise.reject(new Error(`fail ${n}`));
          },
          (p) => updates.push(p),
        );
        const firstFailure = succeeds.indexOf(false);
        const expectedSent = firstFailure < 0 ? succeeds.length : firstFailure + 1;
        expect(sent).toEqual(succeeds.slice(0, expectedSent).map((_, i) => i));
        expect(outcome.ok).toBe(firstFailure < 0);
        expect(outcome.tookEffect.map((s) => s.request.path)).toEqual(
          outcome.plan.steps.filter((s) => s.status === 'ok').map((s) => s.request.path),
        );
        expect(outcome.tookEffect.length).toBe(firstFailure < 0 ? succeeds.length : firstFailure);
        expect(outcome.notRun.length).toBe(firstFailure < 0 ? 0 : succeeds.length - firstFailure - 1);
        // A step after the failure is never shown as running.
        if (firstFailure >= 0) {
          for (const p of updates)
            for (const s of p.steps.slice(firstFailure + 1)) expect(['pending', 'skipped']).toContain(s.status);
        }
      }),
    );
  });
});
