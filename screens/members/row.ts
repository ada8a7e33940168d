/** One line of the members list: a member, or an invitation not yet accepted. */
import type { Invitation, Member } from '../../src/api/schemas.js';
import type { Tone } from '../../src/ui/theme.js';

export type MemberRow =
  | (RowBase & { readonly kind: 'member'; readonly member: Member })
  | (RowBase & { readonly kind: 'invitation'; readonly invitation: Invitation });

interface RowBase {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly orgRole: string;
  readonly access: string;
  readonly status: string;
  readonly statusTone?: Tone;
  /** Member since / invited at, for sorting. */
  readonly since: string;
}
