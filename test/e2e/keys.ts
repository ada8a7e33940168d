/**
 * Key names → the bytes a real xterm-compatible terminal sends for them. The names follow the app's binding
 * table (src/ui/bindings.ts) so a scenario reads like the help screen: `press('shift+tab')`, `press('pagedown')`.
 */
const NAMED: Readonly<Record<string, string>> = {
  enter: '\r',
  return: '\r',
  esc: '\x1b',
  escape: '\x1b',
  tab: '\t',
  'shift+tab': '\x1b[Z',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  pageup: '\x1b[5~',
  pagedown: '\x1b[6~',
  delete: '\x1b[3~',
  f1: '\x1bOP',
  space: ' ',
  // Linux and macOS terminals send DEL (0x7f) for the Backspace key.
  backspace: '\x7f',
};

/** The bytes for one key: a name from the table, `ctrl+<letter>`, or a single character sent as itself. */
export function keyBytes(key: string): string {
  const named = NAMED[key];
  if (named !== undefined) return named;
  const ctrl = /^ctrl\+([a-z])$/i.exec(key);
  if (ctrl?.[1]) return String.fromCharCode(ctrl[1].toLowerCase().charCodeAt(0) - 96);
  if ([...key].length === 1) return key;
  throw new Error(
    `unknown key name ${JSON.stringify(key)}; use a name such as "enter", "esc", "ctrl+c" or one character`,
  );
}
