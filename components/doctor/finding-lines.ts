/** How a finding reads: severity as a symbol and a word as well as a colour, and what `enter` will do about it. */
import type { Finding, Severity } from '../../src/domain/doctor/index.js';
import { line, tone, type Line } from '../../src/ui/lines.js';
import type { Symbols, Tone } from '../../src/ui/theme.js';
import type { FixKind } from './fix-dispatch.js';

const SEVERITY_TONE: Record<Severity, Tone> = { critical: 'danger', warning: 'warning', info: 'accent' };
const SEVERITY_WORD: Record<Severity, string> = { critical: 'CRIT', warning: 'WARN', info: 'INFO' };

function marker(severity: Severity, symbols: Symbols): string {
  return severity === 'critical' ? symbols.fail : severity === 'warning' ? symbols.warn : symbols.bullet;
}

export function severityTone(severity: Severity): Tone {
  return SEVERITY_TONE[severity];
}

/** "✗ CRIT" */
export function severityLabel(severity: Severity, symbols: Symbols): string {
  return `${marker(severity, symbols)} ${SEVERITY_WORD[severity]}`;
}

/** What `enter` does, per fix kind: said before it happens so nothing opens by surprise. */
export const FIX_LABELS: Record<FixKind, string> = {
  'revoke-key': 'revoke this key (typed confirmation)',
  'revoke-keys': 'revoke the duplicate keys (typed confirmation)',
  'rotate-key': 'create a replacement key with an expiration, then revoke this one',
  'create-key-like': 'create a new key like this one with the right access, then revoke this one',
  'create-custom-role': 'create the missing custom role in those projects',
  'edit-member-roles': 'remove the offending role assignment',
  'assign-member-roles': 'assign roles to this member',
  'replace-invitation': 'cancel the invitation and invite again without the offending assignment',
  'resend-invitation': 'invite again',
  'cancel-invitation': 'cancel the invitation',
  'review-keys': 'go to the key list to pick keys to revoke',
  'revoke-project-keys': 'revoke this project key in its project (typed confirmation)',
  'invite-owner': 'invite a second organization owner',
};

/** The selected finding spelled out: title, who and where, why (wrapped by the caller), and the fix. */
export function findingHeadLines(finding: Finding, projectName: string | undefined): Line[] {
  const where = [
    finding.principal && `${finding.principal.kind} ${finding.principal.label}`,
    projectName && `project ${projectName}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return [
    line(tone(severityTone(finding.severity), finding.title, true)),
    ...(where
      ? [line(tone('muted', where), tone('muted', `   rule ${finding.rule}`))]
      : [line(tone('muted', `rule ${finding.rule}`))]),
  ];
}
