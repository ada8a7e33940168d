/** The session's audit trail (src/audit/session.ts), handed to the panels that write or show it. */
import { createContext, useContext } from 'react';
import type { AuditSession } from '../../src/audit/session.js';

export const AuditContext = createContext<AuditSession | undefined>(undefined);

/** Undefined when the app runs without a trail (tests that do not provide one). */
export function useAuditSession(): AuditSession | undefined {
  return useContext(AuditContext);
}
