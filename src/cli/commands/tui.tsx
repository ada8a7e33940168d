/** `ec-access [members|projects|roles|keys]`: the interactive UI, on the sandbox or a real organization. */
import { createCloudClient } from '../../api/cloud-client.js';
import { createEsClient } from '../../api/es-client.js';
import type { AppConfig } from '../../config/config.js';
import type { ScreenId } from '../../ui/screen-ids.js';
import { runTuiWith, type SandboxHandle } from './tui-session.js';

// src/sandbox/index.ts is being written alongside; loading it by a computed name keeps this file compiling until it
// lands. Replace with a static `import { startSandbox } from '../../sandbox/index.js'` then.
const SANDBOX_MODULE = '../../sandbox/index.js';

async function startSandbox(): Promise<SandboxHandle> {
  const mod = (await import(SANDBOX_MODULE)) as { startSandbox: () => Promise<SandboxHandle> };
  return mod.startSandbox();
}

export function runTui(config: AppConfig, opts: { screen: ScreenId; filter?: string }): Promise<number> {
  return runTuiWith({ createCloudClient, createEsClient, startSandbox }, config, opts);
}
