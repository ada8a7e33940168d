/**
 * Naming members on the command line: `--user-id` or `--email` (comma-separated for bulk commands). The flags are
 * read before connecting, so a missing one fails fast; every name must then match exactly one member, otherwise
 * nothing is sent and the message says which names did not match.
 */
import type { Member } from '../../../api/schemas.js';
import { UsageError, type FlagValues } from '../../args.js';
import { list, oneOf } from './flags.js';

export interface MemberNames {
  readonly by: 'user-id' | 'email';
  readonly names: readonly string[];
}

export function memberNames(values: FlagValues, single = false): MemberNames {
  const by = oneOf(values, ['user-id', 'email'] as const);
  const names = list(values, by)!;
  if (single && names.length > 1) throw new UsageError(`--${by} takes one value here, not ${names.length}`);
  return { by, names };
}

export function selectMembers(members: readonly Member[], { by, names }: MemberNames): Member[] {
  const matches = (m: Member, name: string) =>
    by === 'user-id' ? m.user_id === name : (m.email ?? '').toLowerCase() === name.toLowerCase();
  const unknown = names.filter((name) => !members.some((m) => matches(m, name)));
  if (unknown.length > 0) {
    throw new UsageError(
      `no member with ${by === 'user-id' ? 'user id' : 'email'} ${unknown.join(', ')} (see ec-access members list)`,
    );
  }
  return names.map((name) => members.find((m) => matches(m, name))!);
}

export { memberLabel } from '../../../domain/org.js';
