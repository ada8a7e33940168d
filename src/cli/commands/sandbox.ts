/**
 * `ec-access sandbox`: the sandbox on its own, for curl, scripts or another ec-access. stdout carries only
 * `NAME=value` lines (so it can be sourced or appended to a .env file); everything said to a person goes to stderr.
 * The keys printed are the sandbox's simulated ones, never a real credential.
 */
import { parseArgs } from 'node:util';
import { SandboxStateError, startSandbox, type SandboxOptions } from '../../sandbox/index.js';
import { SANDBOX_HTTP2 } from '../../sandbox/protocol.js';
import { SCALES, type Scale } from '../../sandbox/seed.js';
import { errorCode, errorMessage } from '../../util/errors.js';

export interface SandboxCommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Stops the server when aborted; defaults to SIGINT/SIGTERM. */
  readonly stop?: AbortSignal;
}

const USAGE = `usage: ec-access sandbox [--port N] [--state FILE] [--scale small|medium|large] [--latency MS] [--seed N] [--strict]

Runs a local simulation of the Elastic Cloud API and each Serverless project's Elasticsearch security API on
127.0.0.1, seeded with a realistic organization, until Ctrl-C. Prints EC_BASE_URL, EC_API_KEY (an organization
owner key), EC_API_KEY_VIEWER (a key without the owner role, to try permission errors) and EC_HTTP2=h2c (the
sandbox speaks HTTP/2 without TLS as well as HTTP/1.1; ec-access then multiplexes its requests as it does
with the real API).

  --port N          listen on this port (default: any free port)
  --state FILE      load the organization from FILE if it exists; save every change there (mode 0600)
  --scale S         small (default; about 25 members, 3 hosted deployments), medium (1,000 members,
                    90 projects, 12 deployments, 100 keys) or large (10,000 members, 300 projects,
                    40 deployments, 500 keys)
  --latency MS      add this delay to every API request
  --seed N          the same seed builds the same organization (default 1)
  --strict          refuse bare project role ids ("developer") as Elastic Cloud does; without it they are
                    accepted as the prefixed id ("elasticsearch-developer") with a Warning header

Sandbox controls (no key needed): POST <EC_BASE_URL>/_sandbox/clock {"advance":"3d"}, /_sandbox/faults,
/_sandbox/invitations/<token>/_accept, /_sandbox/projects, DELETE /_sandbox/deployments/<id>,
GET /_sandbox/requests, POST /_sandbox/reset.
`;

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

const isScale = (value: string): value is Scale => (SCALES as readonly string[]).includes(value);

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return Number(value);
}

export function parseSandboxArgs(argv: readonly string[]): SandboxOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      state: { type: 'string' },
      scale: { type: 'string' },
      latency: { type: 'string' },
      seed: { type: 'string' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return 'help';
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  if (values.scale !== undefined && !isScale(values.scale))
    throw new UsageError(`--scale must be ${SCALES.join(', ')}`);
  if (values.state === '') throw new UsageError('--state needs a file name');
  const port = integer('port', values.port, 0, 65_535);
  const latencyMs = integer('latency', values.latency, 0, 600_000);
  const seed = integer('seed', values.seed, 0, 2 ** 32 - 1);
  return {
    ...(port !== undefined ? { port } : {}),
    ...(values.state !== undefined ? { stateFile: values.state } : {}),
    ...(values.scale !== undefined ? { scale: values.scale } : {}),
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(values.strict === true ? { strict: true } : {}),
  };
}

function untilSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

export async function runSandboxCommand(argv: string[], io?: SandboxCommandIo): Promise<number> {
  const stdout = io?.stdout ?? ((text: string) => void process.stdout.write(text));
  const stderr = io?.stderr ?? ((text: string) => void process.stderr.write(text));
  let options: SandboxOptions | 'help';
  try {
    options = parseSandboxArgs(argv);
  } catch (error) {
    stderr(`ec-access sandbox: ${errorMessage(error)}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (options === 'help') {
    stdout(USAGE);
    return EXIT_OK;
  }

  const signals = io?.stop ? undefined : untilSignal();
  const stop = io?.stop ?? signals!.signal;
  try {
    const sandbox = await startSandbox(options);
    stdout(
      `EC_BASE_URL=${sandbox.baseUrl}\nEC_API_KEY=${sandbox.ownerKey}\nEC_API_KEY_VIEWER=${sandbox.viewerKey}\nEC_HTTP2=${SANDBOX_HTTP2}\n`,
    );
    stderr(
      `sandbox: organization ${sandbox.organizationId} on ${sandbox.baseUrl} (controls: ${sandbox.controlUrl}); Ctrl-C stops it\n`,
    );
    if (!stop.aborted)
      await new Promise<void>((resolve) => stop.addEventListener('abort', () => resolve(), { once: true }));
    await sandbox.stop();
    stderr(options.stateFile ? `sandbox: stopped; state saved to ${options.stateFile}\n` : 'sandbox: stopped\n');
    return EXIT_OK;
  } catch (error) {
    if (error instanceof SandboxStateError) {
      stderr(`ec-access sandbox: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    const code = errorCode(error);
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      stderr(`ec-access sandbox: cannot listen on port ${'port' in options ? options.port : '?'} (${code})\n`);
      return EXIT_FAILURE;
    }
    throw error;
  } finally {
    signals?.dispose();
  }
}
