/** The invite wizard's questions: who, what to do about existing invitations, expiry, then roles at each scope. */
import { rolesForScope } from '../../../src/domain/catalog.js';
import { validateExpiration } from '../../../src/domain/duration.js';
import type { Note, Step } from '../../../components/wizard/model.js';
import { plural, type WizardEnv } from '../env.js';
import { deploymentGrantSteps } from '../deployment-grants.js';
import { grantSteps } from '../grants.js';
import { audienceOf, invitees, parseEmails, type InviteValues } from './values.js';

type S = Step<InviteValues, WizardEnv>;

const NONE = { id: '', label: 'None' };

function audienceNotes(v: InviteValues, env: WizardEnv): Note[] {
  const a = audienceOf(v, env);
  const { duplicates } = parseEmails(v.emailsText);
  return [
    ...(duplicates > 0 ? [{ tone: 'muted' as const, text: `${plural(duplicates, 'duplicate')} removed` }] : []),
    ...a.members.map((m) => ({
      tone: 'warning' as const,
      text: `${m.email} is already a member: their roles will be updated (POST role_assignments) instead of inviting them`,
    })),
    ...a.pending.map((i) => ({ tone: 'warning' as const, text: `${i.email} already has a pending invitation` })),
  ];
}

export const INVITE_STEPS: readonly S[] = [
  {
    kind: 'text',
    id: 'emails',
    concept: 'invite-or-update',
    title: 'Who should be invited?',
    help: 'One or more email addresses, separated by commas or spaces',
    placeholder: 'alice@example.com, bob@example.com',
    get: (v) => v.emailsText,
    set: (v, emailsText) => ({ ...v, emailsText }),
    validate: (v) => {
      const { emails, invalid } = parseEmails(v.emailsText);
      if (invalid.length > 0) return `Not an email address: ${invalid.join(', ')}`;
      return emails.length === 0 ? 'Enter at least one email address' : undefined;
    },
    notes: audienceNotes,
    summary: (v) => parseEmails(v.emailsText).emails.join(', '),
  },
  {
    kind: 'choice',
    id: 'pending',
    concept: 'invitation-expiry',
    title: 'Some addresses already have a pending invitation. What should happen to them?',
    when: (v, env) => audienceOf(v, env).pending.length > 0,
    options: (v, env) => [
      {
        id: 'resend',
        label: 'Cancel and resend',
        hint: audienceOf(v, env)
          .pending.map((i) => i.email)
          .join(', '),
      },
      { id: 'skip', label: 'Leave their invitations as they are' },
    ],
    get: (v) => v.pending,
    set: (v, id) => (id === 'resend' || id === 'skip' ? { ...v, pending: id } : v),
  },
  {
    kind: 'text',
    id: 'expires',
    concept: 'invitation-expiry',
    title: 'Invitation expiry (optional)',
    help: 'e.g. 24h, 3d, 7d; empty = the server default (72 hours)',
    when: (v, env) => invitees(v, env).length > 0,
    placeholder: '72h (default)',
    accept: (ch) => /[0-9a-zA-Z]/.test(ch),
    get: (v) => v.expiresIn,
    set: (v, expiresIn) => ({ ...v, expiresIn }),
    validate: (v) => {
      if (v.expiresIn.trim() === '') return undefined;
      const check = validateExpiration(v.expiresIn, { maxMs: Infinity, subject: 'invitations' });
      return check.ok ? undefined : check.message;
    },
    summary: (v) => v.expiresIn || 'default (72h)',
  },
  {
    kind: 'choice',
    id: 'org-role',
    concept: 'organization-roles',
    title: 'Organization role',
    options: () => [
      NONE,
      ...rolesForScope('organization').map((r) => ({ id: r.id, label: r.label, hint: r.description })),
    ],
    get: (v) => v.orgRole,
    set: (v, orgRole) => ({ ...v, orgRole }),
  },
  ...deploymentGrantSteps<InviteValues>('deployments', 'Hosted deployment roles'),
  ...grantSteps<InviteValues>('grants', 'Serverless project roles'),
];
