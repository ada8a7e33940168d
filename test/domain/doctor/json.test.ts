import { describe, expect, it } from 'vitest';
import { doctorJson, runDoctor, DOCTOR_JSON_SCHEMA } from '../../../src/domain/doctor/index.js';
import { orgWith } from '../../fixtures/org.js';

describe('doctorJson', () => {
  it('has the documented, stable shape with nulls for absent values', () => {
    const snapshot = orgWith().project('search-prod').owner('olga').key('forever', { expiresInDays: null }).build();
    const json = doctorJson(runDoctor(snapshot));
    expect(json.schema).toBe(DOCTOR_JSON_SCHEMA);
    expect(json.summary).toEqual({ critical: 0, warning: 2, info: 1, total: 3 });
    const single = json.findings.find((f) => f.rule === 'single-owner')!;
    expect(Object.keys(single)).toEqual(['id', 'rule', 'severity', 'title', 'why', 'principal', 'projectId', 'fix']);
    expect(single.projectId).toBeNull();
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('summarises an empty run', () => {
    expect(doctorJson([])).toEqual({
      schema: DOCTOR_JSON_SCHEMA,
      summary: { critical: 0, warning: 0, info: 0, total: 0 },
      findings: [],
    });
  });
});
