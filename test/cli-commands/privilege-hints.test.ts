import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

describe('roles create with a mistyped privilege', () => {
  it('refuses before sending and names the closest privileges', async () => {
    const body = '{"cluster":["monitr"],"indices":[{"names":["logs-*"],"privileges":["raed"]}]}';
    const bad = await h.run(['roles', 'create', '--project', 'search-prod', '--name', 'typo', '--body', body]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'cluster[0]: "monitr" is not a Serverless cluster privilege (did you mean "monitor"?)',
    );
    expect(bad.stderr).toContain(
      'indices[0].privileges[0]: "raed" is not a Serverless index privilege (did you mean "read"?)',
    );
  });
});
