/**
 * Tests read JSON (command output, sandbox answers) through zod schemas, so a test names the shape it relies on and
 * a changed document fails with the path that moved, instead of `undefined` three assertions later.
 */
import { z } from 'zod';

export function parseAs<S extends z.ZodType>(schema: S, value: unknown, what = 'value'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new Error(
    `${what} does not have the expected shape:\n${z.prettifyError(result.error)}\n${JSON.stringify(value)}`,
  );
}
