/**
 * Everything a key opens on top of a screen: the wizards, confirmations, the doctor, the access matrix, the command
 * line, key identification and the audit trail. Loaded on first use through components/panels.ts, never with the
 * first screen.
 */
export { openAccessMatrix } from './access/AccessMatrixView.js';
export { openAuditView } from './audit/AuditView.js';
export { openCommandLine } from './command-line/CommandLine.js';
export { openAssignmentPicker } from './confirm/AssignmentPicker.js';
export { openRevokeKeyRows } from './confirm/open-revoke-rows.js';
export { openCancelInvitation, openDeleteRole, openRemoveMember } from './confirm/openers.js';
export { openDoctor } from './doctor/DoctorView.js';
export { openIdentifyKey } from './identify/IdentifyKeyPanel.js';
export { openWizardFor } from '../screens/wizards/open.js';
