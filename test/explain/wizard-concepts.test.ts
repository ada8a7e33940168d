/**
 * Every step of every wizard names a concept from the catalogue, so each one shows a "why" line and `i` has
 * something to open. The step tables are walked as the wizards use them (including the steps a spec builds
 * with grantSteps and loopMenu), and a source scan makes sure no wizard spec is left out of the walk.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isConceptId } from '../../src/domain/explanations.js';
import { KEY_SPEC } from '../../screens/wizards/api-key/KeyPanel.js';
import { ROLE_SPEC } from '../../screens/wizards/custom-role/RolePanel.js';
import { INVITE_SPEC } from '../../screens/wizards/invite/InvitePanel.js';
import { MEMBER_ROLES_SPEC } from '../../screens/wizards/member-roles/wizard.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** What these checks read of a step, whatever the values its wizard works on (`concept` as data, to be checked). */
interface StepFacts {
  readonly id: string;
  readonly concept?: unknown;
}

/** Every wizard spec the app opens, by the name it is exported under. */
const WIZARDS: Record<string, { readonly title: string; readonly steps: readonly StepFacts[] }> = {
  INVITE_SPEC,
  KEY_SPEC,
  ROLE_SPEC,
  MEMBER_ROLES_SPEC,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const steps = () => Object.entries(WIZARDS).flatMap(([wizard, spec]) => spec.steps.map((step) => ({ wizard, step })));

describe('wizard steps and the explanation catalogue', () => {
  it('walks every wizard spec the sources declare', () => {
    const declared = [...sources(join(ROOT, 'screens')), ...sources(join(ROOT, 'components'))].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/export const (\w+)\s*:\s*WizardSpec</g)].map((m) => ({
        file: relative(ROOT, file),
        name: m[1]!,
      })),
    );
    expect(declared.length).toBeGreaterThanOrEqual(4);
    expect(declared.filter((d) => !(d.name in WIZARDS))).toEqual([]);
  });

  it('gives every step a concept id', () => {
    expect(steps().length).toBeGreaterThan(30);
    const missing = steps()
      .filter(({ step }) => !step.concept)
      .map(({ wizard, step }) => `${wizard}/${step.id}`);
    expect(missing).toEqual([]);
  });

  it('uses only concept ids the catalogue has', () => {
    const unknown = steps()
      .filter(({ step }) => !isConceptId(String(step.concept)))
      .map(({ wizard, step }) => `${wizard}/${step.id}: ${String(step.concept)}`);
    expect(unknown).toEqual([]);
  });

  it('keeps the why text in the catalogue: no step carries its own explanation', () => {
    // Steps have title and help; a "why"/"explanation" key on a step would be text outside the catalogue.
    const stray = steps()
      .filter(({ step }) => 'why' in step || 'explanation' in step)
      .map(({ wizard, step }) => `${wizard}/${step.id}`);
    expect(stray).toEqual([]);
  });
});
