/** What a lesson compares against: the sandbox as it was when the lesson started. */
import { activeProjectKeys } from '../domain/access/index.js';
import { runDoctor } from '../domain/doctor/index.js';
import type { Baseline, TourState } from './types.js';

export function captureBaseline(
  state: TourState,
  now: Date,
  extra: Pick<Baseline, 'leakedKeyId' | 'leakedProjectKey' | 'deadline'> = {},
): Baseline {
  const { snapshot } = state;
  return {
    startedAt: now.toISOString(),
    memberIds: snapshot.members.map((m) => m.user_id),
    invitationEmails: snapshot.invitations.map((i) => i.email.toLowerCase()),
    keyIds: snapshot.keys.map((k) => k.id),
    ...(snapshot.projectKeys ? { projectKeyIds: activeProjectKeys(snapshot).map((h) => h.key.id) } : {}),
    customRoles: [...state.roles].flatMap(([projectId, roles]) =>
      Object.keys(roles).map((name) => `${projectId}/${name}`),
    ),
    findings: runDoctor(snapshot)
      .filter((f) => f.severity !== 'info')
      .map((f) => f.id),
    ...extra,
  };
}
