/**
 * Everything a key opens on top of a screen: the wizards, confirmations, the doctor, the access matrix, the command
 * line, key identification and the audit trail. Loaded on first use through screens/panels.ts, never with the first
 * screen. The doctor and the command line get here the tables that lead to the wizards.
 */
import type { RequestHistory } from '../components/command-line/history.js';
import { openCommandLine as openCommandLineWith } from '../components/command-line/CommandLine.js';
import { openDoctor as openDoctorWith } from '../components/doctor/DoctorView.js';
import type { AppActions } from '../src/ui/contexts.js';
import { FIX_OPENERS } from './fix-openers.js';
import { INTENT_OPENERS } from './intent-openers.js';

export { openAccessMatrix } from '../components/access/AccessMatrixView.js';
export { openAuditView } from '../components/audit/AuditView.js';
export { openAssignmentPicker } from '../components/confirm/AssignmentPicker.js';
export { openCancelInvitation, openDeleteRole, openRemoveMember } from '../components/confirm/openers.js';
export { openIdentifyKey } from '../components/identify/IdentifyKeyPanel.js';
export { openRevokeKeyRows } from './keys/revoke-key-rows.js';
export { openWizardFor } from './wizards/open.js';

export function openDoctor(actions: AppActions): void {
  openDoctorWith(actions, FIX_OPENERS);
}

export function openCommandLine(actions: AppActions, history: RequestHistory): void {
  openCommandLineWith(actions, history, INTENT_OPENERS);
}
