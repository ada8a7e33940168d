import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isReservedRoleName,
  RESERVED_ROLE_NAMES,
  ROLE_NAME_MAX_LENGTH,
  ROLE_NAME_PATTERN,
  validateRoleName,
  validateRoleNameSyntax,
} from '../../src/domain/role-name.js';

const FIRST = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
const REST = [...FIRST, '_', '.', '-'];
const validName = fc
  .tuple(fc.constantFrom(...FIRST), fc.array(fc.constantFrom(...REST), { maxLength: 60 }))
  .map(([first, rest]) => first + rest.join(''));

describe('validateRoleName', () => {
  it.each(['marketing-analyst', 'dashboard-reader', 'a', '9lives', 'team.reader_v2', 'A-B.C_D'])(
    'accepts %s',
    (name) => {
      expect(validateRoleName(name)).toBeUndefined();
    },
  );

  it.each([
    ['', 'Enter a role name'],
    ['_internal', 'A role name must begin with a letter or digit, not "_"'],
    ['-x', 'A role name must begin with a letter or digit, not "-"'],
    [' reader', 'A role name must begin with a letter or digit, not a space'],
    ['marketing analyst', 'a space at position 10 is not allowed: use only letters, digits, "_", "-" and "."'],
    ['team/reader', '"/" at position 5 is not allowed: use only letters, digits, "_", "-" and "."'],
    ['café', '"é" (U+00E9) at position 4 is not allowed: use only letters, digits, "_", "-" and "."'],
    [
      'tab\there',
      'the invisible character U+0009 at position 4 is not allowed: use only letters, digits, "_", "-" and "."',
    ],
    ['a🙂b', '"🙂" (U+1F642) at position 2 is not allowed: use only letters, digits, "_", "-" and "."'],
  ])('rejects %j', (name, message) => {
    expect(validateRoleName(name)).toBe(message);
  });

  it('limits the length to 507 characters', () => {
    expect(validateRoleName('a'.repeat(ROLE_NAME_MAX_LENGTH))).toBeUndefined();
    expect(validateRoleName('a'.repeat(ROLE_NAME_MAX_LENGTH + 1))).toBe(
      'A role name may be at most 507 characters; this one has 508',
    );
  });

  it.each(['admin', 'developer', 'viewer', 'editor', 't1_analyst', 'soc_manager', 'superuser', 'Viewer', 'ADMIN'])(
    'refuses the predefined role name %s',
    (name) => {
      expect(validateRoleName(name)).toBe(`"${name}" is the name of a predefined role; choose another name`);
      expect(validateRoleNameSyntax(name)).toBeUndefined();
    },
  );

  it('covers the predefined roles of every project type', () => {
    expect([...RESERVED_ROLE_NAMES]).toEqual(
      expect.arrayContaining([
        'admin',
        'developer',
        'viewer',
        'editor',
        't3_analyst',
        'rule_author',
        'endpoint_policy_manager',
      ]),
    );
  });

  it('accepts any name the pattern allows unless it is reserved (property)', () => {
    fc.assert(
      fc.property(validName, (name) => {
        expect(ROLE_NAME_PATTERN.test(name)).toBe(true);
        expect(validateRoleName(name) === undefined).toBe(!isReservedRoleName(name));
      }),
    );
  });

  it('rejects any name holding a forbidden character, and names its position (property)', () => {
    const anyCodePoint = fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((cp) => cp < 0xd800 || cp > 0xdfff)
      .map((cp) => String.fromCodePoint(cp));
    const forbidden = fc
      .oneof(fc.constantFrom(' ', '/', '@', ':', '*', '\t', 'é'), anyCodePoint)
      .filter((c) => !/[A-Za-z0-9_.-]/.test(c));
    fc.assert(
      fc.property(validName, forbidden, fc.nat(), (name, bad, at) => {
        const chars = Array.from(name);
        const position = 1 + (at % (chars.length + 1));
        chars.splice(position - 1, 0, bad);
        const message = validateRoleName(chars.join(''));
        expect(message).toBeDefined();
        expect(ROLE_NAME_PATTERN.test(chars.join(''))).toBe(false);
        if (position > 1) expect(message).toContain(`at position ${position} is not allowed`);
        else expect(message).toMatch(/^A role name must begin with a letter or digit/);
      }),
    );
  });
});
