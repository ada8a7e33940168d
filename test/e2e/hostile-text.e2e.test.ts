/**
 * Server text never drives the terminal. The sandbox organization is saved with escape sequences planted in every
 * field the screens show (member name and email, invitation email, key description, project name and alias, a
 * custom role's name, the organization's name): OSC 52 (clipboard), OSC 0/2 (window title), OSC 8 (hyperlink),
 * clear screen, a C1 CSI and a bidi override. The bytes the program writes to the pty hold none of them; the
 * screen shows them as visible escapes instead.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { waitForList } from './app-screen.js';
import { binPath, closeAll, launch } from './harness.js';
import { loadState, saveState } from '../../src/sandbox/persist.js';
import { json, startServer } from '../api/support/server.js';
import {
  HOSTILE_PAYLOAD,
  HOSTILE_SHOWN,
  HOSTILE_TAGS,
  plantHostileText,
  unexpectedTerminalBytes,
} from '../support/hostile-text.js';

const execFileAsync = promisify(execFile);

let dir: string | undefined;
afterEach(async () => {
  await closeAll();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function plantedOrganization(): {
  state: string;
  env: NodeJS.ProcessEnv;
  planted: ReturnType<typeof plantHostileText>;
} {
  dir = mkdtempSync(join(tmpdir(), 'ec-access-hostile-'));
  const state = join(dir, 'sandbox-state.json');
  const env = { PATH: process.env.PATH, HOME: dir, XDG_STATE_HOME: join(dir, 'state'), EC_SANDBOX_STATE: state };
  execFileSync(process.execPath, [binPath(), 'projects', 'list', '--json'], { cwd: dir, env, stdio: 'ignore' });
  const saved = loadState(state)!;
  const planted = plantHostileText(saved.data);
  saveState(state, saved);
  return { state, env, planted };
}

function cli(env: NodeJS.ProcessEnv, args: readonly string[]): { stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [binPath(), ...args], { cwd: dir, env, encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr };
}

it('CLI tables, JSON and stderr carry none of it raw; JSON keeps identifiers exact', () => {
  const { env, planted } = plantedOrganization();
  const shows = (tag: string) => `${tag}${HOSTILE_SHOWN}`;
  const commands: Array<[string[], string[]]> = [
    [
      ['members', 'list'],
      [HOSTILE_TAGS.memberName, HOSTILE_TAGS.memberEmail],
    ],
    [['invitations', 'list'], [HOSTILE_TAGS.invitationEmail]],
    [['keys', 'list'], [HOSTILE_TAGS.keyDescription]],
    [
      ['projects', 'list'],
      [HOSTILE_TAGS.projectName, HOSTILE_TAGS.projectAlias],
    ],
    [['roles', 'list'], [HOSTILE_TAGS.roleName]],
  ];
  for (const [args, tags] of commands) {
    const table = cli(env, [...args, '--table']);
    for (const tag of tags) expect(table.stdout, args.join(' ')).toContain(shows(tag));
    const json = cli(env, [...args, '--json']);
    for (const out of [table.stdout, table.stderr, json.stdout, json.stderr])
      expect(unexpectedTerminalBytes(out), args.join(' ')).toEqual([]);
    JSON.parse(json.stdout);
  }
  // A role name is an identifier: JSON gives it back exactly (escaped as \uXXXX), so a script can use it.
  const roles = cli(env, ['roles', 'list', '--json']).stdout;
  expect(roles).toContain('\\u001b]52;c;');
  expect(roles).toContain(JSON.stringify(planted.roleName).slice(1, 8));
  expect(JSON.stringify(JSON.parse(roles))).toContain(JSON.stringify(planted.roleName));
});

it('an API error message reaches stderr as visible escapes', async () => {
  const server = await startServer((_req, res) =>
    json(res, 400, { errors: [{ code: 'x.bad', message: `refused ${HOSTILE_PAYLOAD}` }] }),
  );
  try {
    dir = mkdtempSync(join(tmpdir(), 'ec-access-hostile-'));
    const env = { PATH: process.env.PATH, HOME: dir, EC_API_KEY: 'test-key', EC_BASE_URL: server.url };
    const { stderr } = await execFileAsync(process.execPath, [binPath(), 'members', 'list', '--org', '1', '--json'], {
      cwd: dir,
      env,
      encoding: 'utf8',
    }).catch((error: { stderr: string }) => error);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(stderr).toContain(`refused ${HOSTILE_SHOWN}`);
    expect(unexpectedTerminalBytes(stderr)).toEqual([]);
  } finally {
    await server.close();
  }
});

it('shows hostile server text as visible escapes and writes none of it raw', async () => {
  const { state, planted } = plantedOrganization();
  const app = await launch({ cols: 160, rows: 50, cwd: dir, env: { EC_SANDBOX_STATE: state } });
  const shows = (tag: string) => `${tag}${HOSTILE_SHOWN}`;
  let screen = await waitForList(app, 'Members');
  for (const tag of [HOSTILE_TAGS.organization, HOSTILE_TAGS.memberName, HOSTILE_TAGS.memberEmail])
    expect(screen).toContain(shows(tag));
  expect(screen).toContain(shows(HOSTILE_TAGS.invitationEmail));

  // The member's details name the planted role; removing them asks for their id, since the email cannot be typed.
  await app.type('/mallory-x');
  await app.waitForText('Members[1/');
  await app.press('enter');
  await app.press('enter');
  await app.waitForText(shows(HOSTILE_TAGS.roleName));
  await app.press('esc');
  await app.waitForText('Members[1/');
  await app.press('d');
  screen = await app.waitForText(/Type \S+ to confirm/);
  expect(screen).toContain(`Type ${planted.userId} to confirm`);
  // Each esc waits for what it closes: an ESC read together with the next key would be Alt+that key.
  await app.press('esc');
  await app.waitFor((s) => !/Type \S+ to confirm/.test(s), 'the confirmation to close');
  await app.press('esc');
  await app.waitFor((s) => /Members\[\d+\]/.test(s), 'the filter cleared');

  await app.press('2');
  screen = await waitForList(app, 'Projects');
  expect(screen).toContain(shows(HOSTILE_TAGS.projectName));
  expect(screen).toContain(shows(HOSTILE_TAGS.projectAlias));

  // Deleting the planted role asks for "delete 1": its name is its id, and it cannot be typed.
  await app.press('3');
  await waitForList(app, 'Roles');
  await app.type('/roleX');
  await app.waitForText('Roles[1/');
  await app.press('enter');
  await app.press('d');
  screen = await app.waitForText(/Type \S+( \d)? to confirm/);
  expect(screen).toContain('Type delete 1 to confirm');
  expect(screen).toContain(shows(HOSTILE_TAGS.roleName));
  await app.press('esc');
  await app.waitFor((s) => !/Type \S+( \d)? to confirm/.test(s), 'the confirmation to close');

  await app.press('4');
  screen = await waitForList(app, 'Keys');
  expect(screen).toContain(shows(HOSTILE_TAGS.keyDescription));
  await app.press('q');
  expect(await app.exit()).toBe(0);

  expect(unexpectedTerminalBytes(app.rawOutput())).toEqual([]);
});
