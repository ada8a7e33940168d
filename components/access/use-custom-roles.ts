/**
 * Missing and over-granted custom roles can only be judged once each project's custom roles are known, and the
 * store loads them lazily; views that judge the whole organization ask for all of them.
 */
import { useEffect } from 'react';
import type { OrgSnapshot } from '../../src/domain/org.js';
import { useAppActions } from '../../src/ui/contexts.js';

export function useAllCustomRoles(snapshot: OrgSnapshot | undefined): void {
  const { ensureCustomRoles } = useAppActions();
  // A string dependency: the project array is rebuilt with every snapshot, the set of projects rarely changes.
  const projectIds = snapshot?.projects.map((p) => p.id).join('\n') ?? '';
  useEffect(() => {
    for (const id of projectIds.split('\n').filter(Boolean)) ensureCustomRoles(id);
  }, [projectIds, ensureCustomRoles]);
}
