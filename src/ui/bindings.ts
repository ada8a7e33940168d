/**
 * THE key-binding table. Input dispatch (use-key-dispatch.ts), the footer and the help overlay all read this array
 * and nothing else, so a key that works is a key that is documented, and vice versa.
 *
 * Adding a binding is two lines: an entry here, and a handler under the same id: in components/handlers.ts for the
 * shell's own (the compiler refuses a table entry without a handler), in the screen's ScreenDef `actions` for a
 * screen's (`members.remove`: screens/members/actions.ts). The number keys are made from src/ui/screen-ids.ts.
 */
import type { KeyName } from './keys.js';
import { recordOfScreens, SCREEN_IDS, SCREEN_TABS, type ScreenId } from './screen-ids.js';

/** What has the keyboard right now. */
export type Mode = 'list' | 'filter' | 'details' | 'help' | 'confirm' | 'overlay';

/**
 * Where a binding applies:
 * - `always`: every mode, even while a wizard or the filter has the keyboard;
 * - `panel`: any panel on top, for the keys it does not take itself (`?` is text in a text field);
 * - `global`: browsing (a list or a details view);
 * - `list` / `details` / `filter` / `help` / `confirm`: that mode only;
 * - `matrix`, `doctor`, `audit`, `export`, `compare`: that panel while it is on top (PANEL_OF);
 * - `wizard`, `plan`, `confirmation`, `secret`, `lesson`, `command`, `identify`, `pick`, `followup`: the panel that
 *   declares them (usePanelBindings), while it is on top; which of them work depends on the panel's state (a text
 *   step has no `space`), and the footer shows exactly those;
 * - a screen id: that screen's list.
 */
export type Scope =
  | 'always'
  | 'panel'
  | 'global'
  | 'list'
  | 'details'
  | 'filter'
  | 'help'
  | 'confirm'
  | 'matrix'
  | 'doctor'
  | 'audit'
  | 'export'
  | 'compare'
  | 'wizard'
  | 'plan'
  | 'confirmation'
  | 'secret'
  | 'lesson'
  | 'command'
  | 'identify'
  | 'pick'
  | 'followup'
  | 'waiting'
  | 'problem'
  | ScreenId;

/** The panel id of the access matrix, for the `matrix` scope. */
export const MATRIX_PANEL = 'access-matrix';
export const DOCTOR_PANEL = 'access-doctor';
export const AUDIT_PANEL = 'audit';
export const EXPORT_PANEL = 'access-export';
export const COMPARE_PANEL = 'access-compare';

/** Scopes that belong to one panel: their bindings work while that panel is on top. */
const PANEL_OF: Partial<Record<Scope, string>> = {
  matrix: MATRIX_PANEL,
  doctor: DOCTOR_PANEL,
  audit: AUDIT_PANEL,
  export: EXPORT_PANEL,
  compare: COMPARE_PANEL,
};

/** Scopes whose bindings the panel itself handles (usePanelBindings), rather than the shell's handler table. */
export const PANEL_SCOPES = [
  'matrix',
  'doctor',
  'audit',
  'export',
  'compare',
  'wizard',
  'plan',
  'confirmation',
  'secret',
  'lesson',
  'command',
  'identify',
  'pick',
  'followup',
  'waiting',
  'problem',
] as const;
export type PanelScope = (typeof PANEL_SCOPES)[number];

export interface BindingContext {
  readonly mode: Mode;
  readonly screen: ScreenId;
  /** The current list has a non-empty filter applied. */
  readonly filtered: boolean;
  /** The id of the panel on top, when one is. */
  readonly panel?: string;
}

export interface Binding {
  readonly id: string;
  readonly keys: readonly KeyName[];
  /**
   * Short footer text ("filter"); present only on bindings worth a footer slot. Adjacent bindings with the same
   * label share one slot ("↑/↓ move").
   */
  readonly label?: string;
  readonly description: string;
  readonly scope: Scope;
  readonly when?: (ctx: BindingContext) => boolean;
}

export const BINDINGS = [
  {
    id: 'app.interrupt',
    keys: ['ctrl+c'],
    description: 'Quit (works everywhere; asks first if a form has unsaved input)',
    scope: 'always',
  },
  { id: 'app.quit', keys: ['q'], label: 'quit', description: 'Quit', scope: 'global' },
  { id: 'app.help', keys: ['?'], label: 'help', description: 'Show this help', scope: 'global' },
  {
    id: 'panel.help',
    keys: ['?'],
    label: 'help',
    description: "Show this help, the open panel's keys first",
    scope: 'panel',
  },
  // The number keys, one per screen tab in its order.
  ...SCREEN_TABS.map((tab, i) => ({
    id: `nav.${tab.id}` as const,
    keys: [String(i + 1)],
    description: tab.nav,
    scope: 'global' as const,
  })),
  { id: 'nav.next', keys: ['tab'], description: 'Next screen', scope: 'global' },
  { id: 'nav.prev', keys: ['shift+tab'], description: 'Previous screen', scope: 'global' },
  {
    id: 'data.refresh',
    keys: ['r'],
    label: 'refresh',
    description: 'Reload this screen from the API',
    scope: 'global',
  },

  { id: 'list.up', keys: ['up', 'k'], label: 'move', description: 'Move up', scope: 'list' },
  { id: 'list.down', keys: ['down', 'j'], label: 'move', description: 'Move down', scope: 'list' },
  { id: 'list.pageUp', keys: ['pageup'], description: 'Page up', scope: 'list' },
  { id: 'list.pageDown', keys: ['pagedown'], description: 'Page down', scope: 'list' },
  { id: 'list.first', keys: ['g', 'home'], description: 'First row', scope: 'list' },
  { id: 'list.last', keys: ['G', 'end'], description: 'Last row', scope: 'list' },
  {
    id: 'list.open',
    keys: ['enter'],
    label: 'details',
    description: 'Open details of the selected row',
    scope: 'list',
  },
  {
    id: 'list.filter',
    keys: ['/'],
    label: 'filter',
    description: 'Filter the list as you type (fuzzy)',
    scope: 'list',
  },
  { id: 'list.sort', keys: ['s'], label: 'sort', description: 'Cycle the sort order', scope: 'list' },
  {
    id: 'list.clearFilter',
    keys: ['escape'],
    label: 'clear filter',
    description: 'Clear the filter',
    scope: 'list',
    when: (ctx) => ctx.filtered,
  },

  {
    id: 'filter.accept',
    keys: ['enter'],
    label: 'keep filter',
    description: 'Keep the filter and return to the list',
    scope: 'filter',
  },
  {
    id: 'filter.cancel',
    keys: ['escape'],
    label: 'clear',
    description: 'Clear the filter and return to the list',
    scope: 'filter',
  },
  { id: 'filter.erase', keys: ['backspace'], description: 'Delete the last character of the filter', scope: 'filter' },
  { id: 'filter.up', keys: ['up'], description: 'Move up while filtering', scope: 'filter' },
  { id: 'filter.down', keys: ['down'], description: 'Move down while filtering', scope: 'filter' },

  { id: 'details.up', keys: ['up', 'k'], label: 'scroll', description: 'Scroll up', scope: 'details' },
  { id: 'details.down', keys: ['down', 'j'], label: 'scroll', description: 'Scroll down', scope: 'details' },
  { id: 'details.pageUp', keys: ['pageup'], description: 'Scroll a page up', scope: 'details' },
  { id: 'details.pageDown', keys: ['pagedown'], description: 'Scroll a page down', scope: 'details' },
  { id: 'details.back', keys: ['escape'], label: 'back', description: 'Back to the list', scope: 'details' },

  { id: 'help.up', keys: ['up', 'k'], label: 'scroll', description: 'Scroll help up', scope: 'help' },
  { id: 'help.down', keys: ['down', 'j'], label: 'scroll', description: 'Scroll help down', scope: 'help' },
  { id: 'help.pageUp', keys: ['pageup'], label: 'page', description: 'Previous page of help', scope: 'help' },
  { id: 'help.pageDown', keys: ['pagedown'], label: 'page', description: 'Next page of help', scope: 'help' },
  { id: 'help.first', keys: ['g', 'home'], description: 'First page of help', scope: 'help' },
  { id: 'help.last', keys: ['G', 'end'], description: 'Last page of help', scope: 'help' },
  { id: 'help.close', keys: ['escape', '?', 'q'], label: 'close', description: 'Close help', scope: 'help' },

  {
    id: 'access.matrix',
    keys: ['A'],
    label: 'access',
    description: 'Effective access matrix: who gets what in which project, and why',
    scope: 'global',
  },
  { id: 'matrix.up', keys: ['up', 'k'], label: 'principal', description: 'Previous principal', scope: 'matrix' },
  { id: 'matrix.down', keys: ['down', 'j'], label: 'principal', description: 'Next principal', scope: 'matrix' },
  { id: 'matrix.left', keys: ['left', 'h'], label: 'project', description: 'Previous project', scope: 'matrix' },
  { id: 'matrix.right', keys: ['right', 'l'], label: 'project', description: 'Next project', scope: 'matrix' },
  { id: 'matrix.pageUp', keys: ['pageup'], description: 'A page of principals up', scope: 'matrix' },
  { id: 'matrix.pageDown', keys: ['pagedown'], description: 'A page of principals down', scope: 'matrix' },
  {
    id: 'access.export',
    keys: ['e'],
    label: 'export',
    description: 'Write the access review to a new owner-only file (JSON, CSV, Markdown)',
    scope: 'matrix',
  },
  {
    id: 'access.compare',
    keys: ['c'],
    label: 'compare',
    description: 'Compare with an earlier JSON export: what changed since',
    scope: 'matrix',
  },
  { id: 'matrix.close', keys: ['escape', 'q'], label: 'close', description: 'Close the matrix', scope: 'matrix' },
  {
    id: 'access.doctor',
    keys: ['D'],
    label: 'doctor',
    description: 'Access doctor: problems found, enter opens the fix',
    scope: 'global',
  },
  {
    id: 'access.request',
    keys: [':'],
    label: 'request',
    description: 'Ask in plain words ("add bob@x.io to search-prod as viewer")',
    scope: 'global',
  },

  {
    id: 'members.remove',
    keys: ['d'],
    label: 'remove',
    description: 'Remove the selected member, or cancel the selected invitation (typed confirmation)',
    scope: 'members',
  },
  {
    id: 'members.removeAssignment',
    keys: ['x'],
    label: 'remove role',
    scope: 'global',
    when: (ctx) => ctx.screen === 'members',
    description: "Remove one of the selected member's role assignments: pick it, then typed confirmation",
  },
  {
    id: 'roles.delete',
    keys: ['d'],
    label: 'delete',
    description: 'Delete the selected custom role (shows who still uses it; typed confirmation)',
    scope: 'roles',
  },
  { id: 'keys.mark', keys: [' '], label: 'mark', description: 'Mark or unmark the selected key', scope: 'keys' },
  {
    id: 'keys.markAll',
    keys: ['a'],
    label: 'all',
    description: 'Mark every key in view (after a filter: every match); again to unmark them',
    scope: 'keys',
  },
  {
    id: 'keys.revoke',
    keys: ['d'],
    label: 'revoke',
    description: 'Revoke the marked keys (else the selected one) in one request (typed confirmation)',
    scope: 'keys',
  },
  {
    id: 'audit.open',
    keys: ['L'],
    label: 'audit',
    description: 'Audit trail: recent writes and their outcomes',
    scope: 'global',
  },

  {
    id: 'members.invite',
    keys: ['n'],
    label: 'invite',
    description: "Invite people, or update members' roles (wizard with request preview)",
    scope: 'members',
  },
  {
    id: 'members.edit',
    keys: ['e'],
    label: 'edit roles',
    description: "Edit the selected member's role assignments (before/after diff)",
    scope: 'members',
  },
  {
    id: 'roles.create',
    keys: ['n'],
    label: 'new role',
    description: 'Create a custom role in one or more projects',
    scope: 'roles',
  },
  {
    id: 'roles.edit',
    keys: ['e'],
    label: 'edit role',
    description: 'Edit the selected custom role (pre-filled, diff shown)',
    scope: 'roles',
  },
  {
    id: 'keys.identify',
    keys: ['i'],
    label: 'identify',
    description: 'Identify a leaked key from its value (typed without echo), then open its typed revocation',
    scope: 'keys',
  },
  {
    id: 'keys.create',
    keys: ['n'],
    label: 'new key',
    description: 'Create a Cloud API key: scope, expiry, stack access',
    scope: 'keys',
  },

  {
    id: 'tour.lesson',
    keys: ['t'],
    description: 'Tour: the current lesson (goal, hints, check, what happened)',
    scope: 'global',
  },
  { id: 'tour.toggle', keys: ['T'], description: 'Tour: show or hide the lesson bar', scope: 'global' },

  { id: 'confirm.yes', keys: ['y'], label: 'quit', description: 'Quit and discard unsaved input', scope: 'confirm' },
  { id: 'confirm.no', keys: ['n', 'escape'], label: 'stay', description: 'Stay', scope: 'confirm' },

  { id: 'export.up', keys: ['up', 'k'], label: 'move', description: 'Previous format', scope: 'export' },
  { id: 'export.down', keys: ['down', 'j'], label: 'move', description: 'Next format', scope: 'export' },
  {
    id: 'export.write',
    keys: ['enter'],
    label: 'write',
    description: 'Write the review in that format to a new owner-only file',
    scope: 'export',
  },
  {
    id: 'export.close',
    keys: ['escape', 'q'],
    label: 'back',
    description: 'Close the export, back to the matrix',
    scope: 'export',
  },

  { id: 'compare.up', keys: ['up', 'k'], label: 'move', description: 'Previous export file', scope: 'compare' },
  { id: 'compare.down', keys: ['down', 'j'], label: 'move', description: 'Next export file', scope: 'compare' },
  {
    id: 'compare.run',
    keys: ['enter'],
    label: 'compare',
    description: 'Compare the organization now with that export',
    scope: 'compare',
  },
  {
    id: 'compare.close',
    keys: ['escape', 'q'],
    label: 'back',
    description: 'Close the comparison, back to the matrix',
    scope: 'compare',
  },

  { id: 'doctor.up', keys: ['up', 'k'], label: 'move', description: 'Previous finding', scope: 'doctor' },
  { id: 'doctor.down', keys: ['down', 'j'], label: 'move', description: 'Next finding', scope: 'doctor' },
  { id: 'doctor.pageUp', keys: ['pageup'], description: 'A page of findings up', scope: 'doctor' },
  { id: 'doctor.pageDown', keys: ['pagedown'], description: 'A page of findings down', scope: 'doctor' },
  {
    id: 'doctor.fix',
    keys: ['enter'],
    label: 'apply the fix',
    description: "Open the selected finding's fix, pre-filled (nothing is sent before you confirm)",
    scope: 'doctor',
  },
  {
    id: 'doctor.reload',
    keys: ['r'],
    label: 'reload',
    description: 'Read the organization again; fixed problems drop off',
    scope: 'doctor',
  },
  { id: 'doctor.close', keys: ['escape', 'q'], label: 'close', description: 'Close the doctor', scope: 'doctor' },

  { id: 'audit.up', keys: ['up', 'k'], label: 'scroll', description: 'Scroll the audit trail up', scope: 'audit' },
  {
    id: 'audit.down',
    keys: ['down', 'j'],
    label: 'scroll',
    description: 'Scroll the audit trail down',
    scope: 'audit',
  },
  { id: 'audit.pageUp', keys: ['pageup'], description: 'Scroll the audit trail a page up', scope: 'audit' },
  { id: 'audit.pageDown', keys: ['pagedown'], description: 'Scroll the audit trail a page down', scope: 'audit' },
  {
    id: 'audit.reload',
    keys: ['r'],
    label: 're-read the file',
    description: 'Read the audit file again (writes made elsewhere show up)',
    scope: 'audit',
  },
  {
    id: 'audit.allOrgs',
    keys: ['a'],
    label: 'all orgs',
    description: 'Show the writes to every organization, or again only to this one (the default)',
    scope: 'audit',
  },
  {
    id: 'audit.close',
    keys: ['escape', 'q', 'L'],
    label: 'close',
    description: 'Close the audit trail',
    scope: 'audit',
  },
  { id: 'wizard.up', keys: ['up', 'k'], label: 'move', description: 'Previous option', scope: 'wizard' },
  { id: 'wizard.down', keys: ['down', 'j'], label: 'move', description: 'Next option', scope: 'wizard' },
  { id: 'wizard.first', keys: ['home', 'g'], description: 'First option', scope: 'wizard' },
  { id: 'wizard.last', keys: ['end', 'G'], description: 'Last option', scope: 'wizard' },
  {
    id: 'wizard.toggle',
    keys: [' '],
    label: 'toggle',
    description: 'Choose or drop the option (steps that take several)',
    scope: 'wizard',
  },
  {
    id: 'wizard.choose',
    keys: ['enter'],
    label: 'choose',
    description: 'Take the option and go on (steps that take one)',
    scope: 'wizard',
  },
  {
    id: 'wizard.next',
    keys: ['enter'],
    label: 'next',
    description: 'Check the answer and go on (text steps, steps that take several)',
    scope: 'wizard',
  },
  {
    id: 'wizard.erase',
    keys: ['backspace'],
    description: 'Delete the character before the cursor (text steps)',
    scope: 'wizard',
  },
  {
    id: 'wizard.cursor',
    keys: ['left', 'right'],
    description: 'Move the cursor in the text (text steps)',
    scope: 'wizard',
  },
  {
    id: 'wizard.explain',
    keys: ['ctrl+o', 'f1'],
    label: 'more about this step',
    description: 'Show or hide more about this step (a key no text step takes as text)',
    scope: 'wizard',
  },
  {
    id: 'wizard.back',
    keys: ['escape'],
    label: 'back',
    description: 'Previous step with every answer kept; on the first step, close the wizard',
    scope: 'wizard',
  },

  {
    id: 'plan.send',
    keys: ['enter'],
    label: 'send',
    description: 'Send the requests shown, in order (nothing is sent before)',
    scope: 'plan',
  },
  {
    id: 'plan.back',
    keys: ['escape'],
    label: 'back',
    description: 'Back to the answers; nothing is sent',
    scope: 'plan',
  },
  {
    id: 'plan.change',
    keys: ['c'],
    label: 'change an answer',
    description: 'Pick an answer to change; after it, the review comes back with every other answer kept',
    scope: 'plan',
  },
  {
    id: 'plan.close',
    keys: ['enter', 'escape'],
    label: 'close',
    description: 'Close the result, once the plan has run',
    scope: 'plan',
  },
  { id: 'plan.up', keys: ['up', 'k'], label: 'scroll', description: 'Scroll the plan up', scope: 'plan' },
  { id: 'plan.down', keys: ['down', 'j'], label: 'scroll', description: 'Scroll the plan down', scope: 'plan' },
  { id: 'plan.pageUp', keys: ['pageup'], description: 'Scroll the plan a page up', scope: 'plan' },
  { id: 'plan.pageDown', keys: ['pagedown'], description: 'Scroll the plan a page down', scope: 'plan' },

  {
    id: 'followup.accept',
    keys: ['a'],
    description: "After an invitation in the sandbox: accept it on the invitee's behalf",
    scope: 'followup',
  },
  {
    id: 'followup.continue',
    keys: ['c'],
    description: 'After an invitation: go on to assign the custom roles once it is accepted',
    scope: 'followup',
  },
  {
    id: 'followup.replace',
    keys: ['r'],
    description: 'After a key was created but not confirmed: revoke it and create a new one',
    scope: 'followup',
  },

  {
    id: 'confirmation.send',
    keys: ['enter'],
    label: 'confirm',
    description: 'Send the request, once the typed text matches the phrase',
    scope: 'confirmation',
  },
  {
    id: 'confirmation.cancel',
    keys: ['escape'],
    label: 'cancel',
    description: 'Cancel; nothing is sent',
    scope: 'confirmation',
  },
  {
    id: 'confirmation.close',
    keys: ['enter', 'escape'],
    label: 'close',
    description: 'Close, once the re-read shows what happened',
    scope: 'confirmation',
  },
  { id: 'confirmation.up', keys: ['up'], label: 'scroll', description: 'Scroll the request up', scope: 'confirmation' },
  {
    id: 'confirmation.down',
    keys: ['down'],
    label: 'scroll',
    description: 'Scroll the request down',
    scope: 'confirmation',
  },
  { id: 'confirmation.pageUp', keys: ['pageup'], description: 'Scroll the request a page up', scope: 'confirmation' },
  {
    id: 'confirmation.pageDown',
    keys: ['pagedown'],
    description: 'Scroll the request a page down',
    scope: 'confirmation',
  },
  {
    id: 'confirmation.clear',
    keys: ['ctrl+u'],
    label: 'clear',
    description: 'Clear the typed text',
    scope: 'confirmation',
  },
  {
    id: 'confirmation.erase',
    keys: ['backspace'],
    description: 'Delete the character before the cursor in the typed phrase',
    scope: 'confirmation',
  },
  {
    id: 'confirmation.cursor',
    keys: ['left', 'right'],
    description: 'Move the cursor in the typed phrase',
    scope: 'confirmation',
  },

  { id: 'secret.reveal', keys: ['v'], label: 'reveal/hide', description: 'Reveal or hide the value', scope: 'secret' },
  {
    id: 'secret.copy',
    keys: ['c'],
    label: 'copy (OSC 52)',
    description: 'Send the value to the clipboard through the terminal (OSC 52)',
    scope: 'secret',
  },
  {
    id: 'secret.save',
    keys: ['w'],
    label: 'write to a file',
    description: 'Write the value to a new file only you can read (0600)',
    scope: 'secret',
  },
  {
    id: 'secret.close',
    keys: ['enter', 'escape', 'q'],
    label: 'close (asks first)',
    description: 'Close: asks to type saved first, since the value cannot be shown again',
    scope: 'secret',
  },
  {
    id: 'secret.write',
    keys: ['enter'],
    label: 'write the file',
    description: 'Write the file into the folder typed (empty: the current one)',
    scope: 'secret',
  },
  {
    id: 'secret.acknowledge',
    keys: ['enter'],
    label: 'close',
    description: 'Close the value for good, once saved is typed',
    scope: 'secret',
  },
  { id: 'secret.back', keys: ['escape'], label: 'back', description: 'Back to the value', scope: 'secret' },
  {
    id: 'secret.erase',
    keys: ['backspace'],
    description: 'Delete the last character of the folder or of saved',
    scope: 'secret',
  },

  {
    id: 'lesson.check',
    keys: ['enter'],
    label: 'check',
    description: 'Check the sandbox (or the answer typed) against the lesson',
    scope: 'lesson',
  },
  { id: 'lesson.next', keys: ['enter'], label: 'next lesson', description: 'Go to the next lesson', scope: 'lesson' },
  {
    id: 'lesson.explain',
    keys: ['ctrl+o', 'f1'],
    label: 'explain',
    description: 'Show or hide the longer explanations',
    scope: 'lesson',
  },
  {
    id: 'lesson.restart',
    keys: ['r'],
    label: 'restart',
    description: 'Start the lesson again from the sandbox as it is',
    scope: 'lesson',
  },
  { id: 'lesson.up', keys: ['up'], label: 'scroll', description: 'Scroll the lesson up', scope: 'lesson' },
  { id: 'lesson.down', keys: ['down'], label: 'scroll', description: 'Scroll the lesson down', scope: 'lesson' },
  { id: 'lesson.back', keys: ['escape'], label: 'back', description: 'Back to the screens', scope: 'lesson' },
  { id: 'lesson.erase', keys: ['backspace'], description: 'Delete the last character of the answer', scope: 'lesson' },

  { id: 'command.ask', keys: ['enter'], label: 'ask', description: 'Ask: parse the request', scope: 'command' },
  {
    id: 'command.choose',
    keys: ['enter'],
    label: 'choose',
    description: 'Take the choice under the cursor',
    scope: 'command',
  },
  {
    id: 'command.pick',
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    description: 'Take the numbered choice',
    scope: 'command',
  },
  { id: 'command.older', keys: ['up'], label: 'history', description: 'An earlier request', scope: 'command' },
  { id: 'command.newer', keys: ['down'], label: 'history', description: 'A later request', scope: 'command' },
  { id: 'command.prev', keys: ['up'], label: 'move', description: 'Previous choice', scope: 'command' },
  { id: 'command.next', keys: ['down'], label: 'move', description: 'Next choice', scope: 'command' },
  { id: 'command.close', keys: ['escape'], label: 'close', description: 'Close the command line', scope: 'command' },
  {
    id: 'command.dismiss',
    keys: ['escape'],
    label: 'back to the request',
    description: 'Back to the request, to edit it',
    scope: 'command',
  },
  {
    id: 'command.pageUp',
    keys: ['pageup'],
    description: 'Scroll the examples (or the answer) a page up, when they do not fit',
    scope: 'command',
  },
  {
    id: 'command.pageDown',
    keys: ['pagedown'],
    description: 'Scroll the examples (or the answer) a page down, when they do not fit',
    scope: 'command',
  },
  { id: 'command.left', keys: ['left'], description: 'Cursor left', scope: 'command' },
  { id: 'command.right', keys: ['right'], description: 'Cursor right', scope: 'command' },
  { id: 'command.start', keys: ['home', 'ctrl+a'], description: 'Cursor to the start', scope: 'command' },
  { id: 'command.end', keys: ['end', 'ctrl+e'], description: 'Cursor to the end', scope: 'command' },
  { id: 'command.erase', keys: ['backspace'], description: 'Delete the character before the cursor', scope: 'command' },
  { id: 'command.clear', keys: ['ctrl+u'], description: 'Delete everything before the cursor', scope: 'command' },

  {
    id: 'identify.submit',
    keys: ['enter'],
    label: 'identify',
    description: 'Look the value up: which key it is',
    scope: 'identify',
  },
  { id: 'identify.clear', keys: ['ctrl+u'], label: 'clear', description: 'Clear the value', scope: 'identify' },
  {
    id: 'identify.close',
    keys: ['escape'],
    label: 'back',
    description: 'Close; the value is dropped',
    scope: 'identify',
  },
  {
    id: 'identify.erase',
    keys: ['backspace', 'delete'],
    description: 'Delete the last character of the value',
    scope: 'identify',
  },

  { id: 'pick.up', keys: ['up', 'k'], label: 'move', description: 'Previous role assignment', scope: 'pick' },
  { id: 'pick.down', keys: ['down', 'j'], label: 'move', description: 'Next role assignment', scope: 'pick' },
  {
    id: 'pick.choose',
    keys: ['enter'],
    label: 'choose',
    description: 'Remove this one: a typed confirmation follows',
    scope: 'pick',
  },
  { id: 'pick.cancel', keys: ['escape'], label: 'cancel', description: 'Close; nothing changes', scope: 'pick' },

  {
    id: 'waiting.accept',
    keys: ['a'],
    label: 'accept (sandbox)',
    description: "Accept the invitation on the invitee's behalf (sandbox only)",
    scope: 'waiting',
  },
  {
    id: 'waiting.recheck',
    keys: ['r'],
    label: 're-check',
    description: 'Read the members again: has it been accepted?',
    scope: 'waiting',
  },
  {
    id: 'waiting.close',
    keys: ['escape'],
    label: 'close',
    description: 'Close; waiting is not needed',
    scope: 'waiting',
  },

  { id: 'problem.close', keys: ['escape'], label: 'close', description: 'Close the panel', scope: 'problem' },
] as const satisfies readonly Binding[];

type TableEntry = (typeof BINDINGS)[number];
/** The table's entries of one scope, with their literal ids. */
export type BindingOf<S extends Scope> = Extract<TableEntry, { scope: S }>;

export function bindingsOf<S extends Scope>(scope: S): BindingOf<S>[] {
  return BINDINGS.filter((b): b is BindingOf<S> => b.scope === scope);
}
export type BindingId = TableEntry['id'];
/** The bindings a panel scope declares, which that panel handles. */
export type PanelBindingId<S extends PanelScope = PanelScope> = Extract<TableEntry, { scope: S }>['id'];
/** The bindings the shell's handler table (components/handlers.ts) handles. */
export type ShellBindingId = Exclude<BindingId, PanelBindingId>;

/** The bindings a screen's own actions answer (`members.remove`, `keys.revoke`): its ScreenDef's `actions`. */
export type ScreenActionId = Extract<ShellBindingId, `${ScreenId}.${string}`>;

export function isScreenActionId(id: string): id is ScreenActionId {
  return SCREEN_IDS.some((screen) => id.startsWith(`${screen}.`));
}

/** The number key bindings (`nav.members`): each goes to its screen. */
export type NavBindingId = `nav.${ScreenId}`;

/** The screen a number key binding goes to; undefined for any other binding. */
export function navTarget(id: string): ScreenId | undefined {
  return SCREEN_IDS.find((screen) => id === `nav.${screen}`);
}

export function isNavBindingId(id: string): id is NavBindingId {
  return navTarget(id) !== undefined;
}

const SCOPE_MODES: Record<Exclude<Scope, ScreenId>, readonly Mode[]> = {
  always: ['list', 'filter', 'details', 'help', 'confirm', 'overlay'],
  panel: ['overlay'],
  global: ['list', 'details'],
  list: ['list'],
  details: ['details'],
  filter: ['filter'],
  help: ['help'],
  confirm: ['confirm'],
  matrix: ['overlay'],
  doctor: ['overlay'],
  audit: ['overlay'],
  export: ['overlay'],
  compare: ['overlay'],
  // Driven by the focus stack (usePanelBindings), never by the shell's context.
  wizard: [],
  plan: [],
  confirmation: [],
  secret: [],
  lesson: [],
  command: [],
  identify: [],
  pick: [],
  followup: [],
  waiting: [],
  problem: [],
};

const isModeScope = (scope: Scope): scope is Exclude<Scope, ScreenId> => scope in SCOPE_MODES;

export function isActive(binding: Binding, ctx: BindingContext): boolean {
  const inScope = isModeScope(binding.scope)
    ? SCOPE_MODES[binding.scope].includes(ctx.mode)
    : binding.scope === ctx.screen && ctx.mode === 'list';
  const panel = PANEL_OF[binding.scope];
  const inPanel = panel === undefined || ctx.panel === panel;
  return inScope && inPanel && (binding.when?.(ctx) ?? true);
}

/** Bindings that work right now, in table order. */
export function activeBindings(ctx: BindingContext, table: readonly Binding[] = BINDINGS): Binding[] {
  return table.filter((b) => isActive(b, ctx));
}

/** The binding a key press triggers, if any. The first active match wins (tests keep active keys unique). */
export function resolveBinding(
  name: KeyName,
  ctx: BindingContext,
  table: readonly Binding[] = BINDINGS,
): Binding | undefined {
  return table.find((b) => b.keys.includes(name) && isActive(b, ctx));
}

export const SCOPE_TITLES: Record<Scope, string> = {
  always: 'Anywhere',
  panel: 'Any panel',
  global: 'Browsing',
  list: 'Lists',
  details: 'Details',
  filter: 'While filtering (type to filter)',
  help: 'Help',
  confirm: 'Quit confirmation',
  matrix: 'Access matrix (A)',
  doctor: 'Access doctor (D)',
  audit: 'Audit trail (L)',
  export: 'Access review export (e in the matrix)',
  compare: 'Compare with an export (c in the matrix)',
  wizard: 'Wizard steps',
  plan: 'Request review (the last step of every write)',
  followup: 'After a write',
  confirmation: 'Typed confirmation',
  secret: 'New key value (shown once)',
  lesson: 'Tour lesson (t)',
  command: 'Request in plain words (:)',
  identify: 'Identify a leaked key (i on Keys)',
  pick: 'Pick a role assignment (x on Members)',
  waiting: 'Waiting for an invitation to be accepted',
  problem: 'A panel that cannot open',
  ...recordOfScreens((tab) => tab.title),
};
