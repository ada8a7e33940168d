/** The request language as shown in the help overlay: one line per form, <placeholders> in angle brackets. */
export const INTENT_GRAMMAR: readonly string[] = [
  'add|invite <email> [to <project>… | to all <type> projects] [as <role>]',
  'give|grant <member|email> <role|custom role> on <project>… | on all <type> projects | on all projects',
  'give <member|email> read-only|full <dashboards|discover|visualize|maps|canvas> on <project>…',
  'make <member|email> an owner | billing admin',
  'remove <member> [from the organization]',
  'remove|take away <member> [<role>] from <project>… | all <type> projects',
  'create key for <description> [with <role|custom role> on <project>… | all <type> projects | all projects] [for <duration>]',
  'rotate key <description>',
  'revoke keys matching <part of description | pattern with *>',
  'who has access to <project>',
  'what can <member|key> access',
  'roles: admin, developer, viewer (= read-only), editor, t1 analyst, t2 analyst, t3 analyst, soc manager, rule author…',
  'types: search|elasticsearch, observability|obs, security|sec    durations: 30d, 12h, for 2 weeks, a month, 1 year',
];
