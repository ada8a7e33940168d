/**
 * The exit codes of every ec-access command, with what each means, in one place: the commands return these, and
 * `ec-access --help`, each command's help and the docs describe them from this table, so they cannot drift apart.
 */

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** Some items of a bulk command were done and some were not. */
export const EXIT_PARTIAL = 3;
/** Whether some write took effect is not known even after re-reading: check before retrying. */
export const EXIT_UNKNOWN = 4;

/** Each code with a short label (one line of a command's help) and its meaning (`ec-access --help`). */
export const EXIT_CODES: ReadonlyArray<readonly [code: number, short: string, meaning: string]> = [
  [EXIT_OK, 'ok', 'done (a list, a dry run, or every item of a write)'],
  [EXIT_FAILURE, 'API error (or nothing done)', 'an API, network or configuration error, or no item of a write done'],
  [EXIT_USAGE, 'usage error, not confirmed', 'usage error, or the confirmation was not given (nothing sent)'],
  [EXIT_PARTIAL, 'partly done', 'some items done, some failed (the output says which)'],
  [EXIT_UNKNOWN, 'outcome unknown', "some write's outcome is unknown even after re-reading: check before retrying"],
];
