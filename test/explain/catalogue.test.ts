/** Every concept a wizard step or a tour lesson names is explained, and every explanation is usable on screen. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONCEPT_IDS, EXPLANATIONS, isConceptId } from '../../src/domain/explanations.js';
import { LESSONS } from '../../src/tour/lessons/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** `concept: '…'` in the wizard step definitions, whatever wizard they belong to. */
function wizardConcepts(): Array<{ file: string; id: string }> {
  return [...sources(join(ROOT, 'screens', 'wizards')), ...sources(join(ROOT, 'components', 'wizard'))].flatMap(
    (file) => [...readFileSync(file, 'utf8').matchAll(/\bconcept:\s*'([^']+)'/g)].map((m) => ({ file, id: m[1]! })),
  );
}

describe('explanation catalogue', () => {
  it('has every concept a wizard step names', () => {
    const used = wizardConcepts();
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((u) => !isConceptId(u.id))).toEqual([]);
  });

  it('has every concept a tour lesson names', () => {
    expect(LESSONS.flatMap((l) => l.concepts).filter((id) => !isConceptId(id))).toEqual([]);
  });

  it('gives each concept a one-line why and a longer text', () => {
    for (const id of CONCEPT_IDS) {
      const e = EXPLANATIONS[id];
      expect(e.id).toBe(id);
      expect(e.why).not.toMatch(/\n/);
      expect(e.why.length).toBeLessThanOrEqual(120);
      expect(e.body.join(' ').length).toBeGreaterThan(e.why.length);
    }
  });

  it('states the rules the seeds state', () => {
    expect(EXPLANATIONS['custom-role-assignment'].body.join(' ')).toMatch(/elasticsearch-viewer.*application_roles/s);
    expect(EXPLANATIONS['key-stack-access'].why).toMatch(/403/);
    expect(EXPLANATIONS['org-scoped-stack-access'].why).toMatch(/not created yet/);
  });
});
