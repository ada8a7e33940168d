import { describe, expect, it } from 'vitest';
import { jsonFromFlagOrFile } from '../../src/cli/commands/shared/flags.js';

describe('--body-file', () => {
  it('stops reading an endless file (/dev/zero) at the cap with a usage error', () => {
    const started = Date.now();
    expect(() => jsonFromFlagOrFile({ 'body-file': '/dev/zero' }, 'body', 'body-file', '/')).toThrow(/EFBIG/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
