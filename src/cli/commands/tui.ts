/** `ec-access [members|projects|roles|keys]`: the interactive UI, on the sandbox or a real organization. */
import { createCloudClient } from '../../api/cloud-client.js';
import { createEsClient } from '../../api/es-client.js';
import type { AppConfig } from '../../config/config.js';
import type { ScreenId } from '../../ui/screen-ids.js';
import { stopYoungGenerationGrowth } from '../../util/young-generation.js';
import { runTuiWith } from './tui-session.js';

export function runTui(config: AppConfig, opts: { screen: ScreenId; filter?: string }): Promise<number> {
  // Before the first request: the session keeps a large organization for its whole life (util/young-generation.ts).
  stopYoungGenerationGrowth();
  const stateFile = config.sandboxStateFile;
  // Loaded only in sandbox mode: a session on a real organization never loads the simulation.
  const startSandbox = async () =>
    (await import('../../sandbox/index.js')).startSandbox(stateFile ? { stateFile } : {});
  return runTuiWith({ createCloudClient, createEsClient, startSandbox }, config, opts);
}
