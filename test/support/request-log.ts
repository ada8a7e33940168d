/** The sandbox's request log as its control route lists it (src/sandbox/request-log.ts), for tests that read it. */
import { z } from 'zod';

export const LoggedRequest = z.object({
  seq: z.number(),
  at: z.string(),
  method: z.string(),
  url: z.string(),
  contentType: z.string().nullable(),
  userAgent: z.string().nullable(),
  keyId: z.string().nullable(),
  body: z.string().nullable(),
  redacted: z.boolean(),
  status: z.number().nullable(),
  warnings: z.array(z.string()).optional(),
});
export type LoggedRequest = z.output<typeof LoggedRequest>;

export const RequestLog = z.object({ requests: z.array(LoggedRequest) });
