/** The running sandbox as handlers see it: the organization record, the clock, where it listens, the faults. */
import type { Clock } from './clock.js';
import type { Faults } from './faults.js';
import type { SandboxData } from './model.js';

export interface SandboxCore {
  /** Replaced wholesale by `POST /_sandbox/reset`; handlers read it through the core on every request. */
  data: SandboxData;
  readonly clock: Clock;
  /** Origin the sandbox listens on; project endpoints are built from it. */
  readonly baseUrl: string;
  readonly faults: Faults;
  /** `--strict`: refuse what the sandbox otherwise accepts with a warning (bare project role ids). */
  readonly strict: boolean;
}
