// The ec-access executable (loaded by bin/ec-access.js). Everything else is in dispatch.ts, which can be tested
// without a process of its own.
import { runCli } from './dispatch.js';
import { writePieces } from './write-pieces.js';

process.exitCode = await runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stdoutPieces: (pieces) => writePieces(process.stdout, pieces),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
    stdinIsTty: process.stdin.isTTY === true,
    stdoutIsTty: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  },
  {},
);
