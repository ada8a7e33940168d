import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formatIssues, formatPath, joinPath, parseWith, requireText } from '../../src/domain/validation.js';

describe('paths', () => {
  it('reads like the JSON they point into', () => {
    expect(formatPath(['indices', 0, 'privileges', 2])).toBe('indices[0].privileges[2]');
    expect(formatPath(['metadata', '_reserved'])).toBe('metadata._reserved');
    expect(formatPath(['metadata', 'a b'])).toBe('metadata["a b"]');
    expect(formatPath([])).toBe('');
    expect(joinPath('rawRoleAssignments', 'project.security[0]')).toBe('rawRoleAssignments.project.security[0]');
    expect(joinPath('emails', '[2]')).toBe('emails[2]');
    expect(joinPath('', 'x')).toBe('x');
    expect(joinPath('x', '')).toBe('x');
  });
});

describe('parseWith', () => {
  const Schema = z.strictObject({
    name: z.string().min(1),
    tags: z.array(z.string()).min(1),
    kind: z.enum(['a', 'b']),
    on: z.boolean(),
  });

  it('words zod issues for people, under a prefix', () => {
    const result = parseWith(Schema, { name: '', tags: [], kind: 'c', extra: 1 }, 'body');
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'body.name', message: 'must not be empty' },
        { path: 'body.tags', message: 'must not be empty' },
        { path: 'body.kind', message: 'must be one of "a", "b"' },
        { path: 'body.on', message: 'is required' },
        { path: 'body', message: 'unknown field "extra"' },
      ],
    });
    expect(formatIssues(result.ok ? [] : result.issues)).toBe(
      'body.name: must not be empty\nbody.tags: must not be empty\nbody.kind: must be one of "a", "b"\nbody.on: is required\nbody: unknown field "extra"',
    );
  });

  it('returns the parsed value when valid', () => {
    expect(parseWith(Schema, { name: 'x', tags: ['t'], kind: 'a', on: false })).toEqual({
      ok: true,
      value: { name: 'x', tags: ['t'], kind: 'a', on: false },
    });
  });

  it('says what it got instead', () => {
    expect(parseWith(Schema, { name: 3, tags: 'x', kind: 'a', on: 'yes' })).toEqual({
      ok: false,
      issues: [
        { path: 'name', message: 'expected a string, got a number' },
        { path: 'tags', message: 'expected a list, got a string' },
        { path: 'on', message: 'expected true or false, got a string' },
      ],
    });
  });
});

describe('requireText', () => {
  it('flags missing and blank text only', () => {
    expect(requireText('userId', undefined)).toEqual([{ path: 'userId', message: 'is required' }]);
    expect(requireText('userId', '  ')).toEqual([{ path: 'userId', message: 'is required' }]);
    expect(requireText('userId', 'u1')).toEqual([]);
  });
});
