/** `ec-access [members|projects|roles|keys]`: the interactive UI, on the sandbox or a real organization. */
import { createCloudClient } from '../../api/cloud-client.js';
import { createEsClient } from '../../api/es-client.js';
import type { AppConfig } from '../../config/config.js';
import type { ScreenId } from '../../ui/screen-ids.js';
import { startSandbox } from '../../sandbox/index.js';
import { runTuiWith } from './tui-session.js';

export function runTui(config: AppConfig, opts: { screen: ScreenId; filter?: string }): Promise<number> {
  const stateFile = config.sandboxStateFile;
  return runTuiWith({ createCloudClient, createEsClient, startSandbox: () => startSandbox(stateFile ? { stateFile } : {}) }, config, opts);
}
