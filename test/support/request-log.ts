/** The sandbox's request log as its control route lists it, for tests that read it. */
import { z } from 'zod';
import { LoggedRequest } from '../../src/sandbox/request-log.js';

export { LoggedRequest };
export const RequestLog = z.object({ requests: z.array(LoggedRequest) });
