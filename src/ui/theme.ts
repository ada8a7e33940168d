/**
 * Colour and glyph choices, decided once from the environment. Every meaning carried by colour is also carried by
 * a symbol or a word, so NO_COLOR terminals lose nothing but the colour.
 */
import { createContext, useContext } from 'react';

/** Meanings, not colours: components ask for a tone and the theme decides how (and whether) to colour it. */
export type Tone = 'accent' | 'muted' | 'success' | 'warning' | 'danger' | 'sandbox' | 'match' | 'title';

export interface Symbols {
  readonly pointer: string;
  readonly ok: string;
  readonly fail: string;
  readonly warn: string;
  readonly ellipsis: string;
  readonly bullet: string;
  readonly dash: string;
  readonly spinner: readonly string[];
  readonly border: { readonly tl: string; readonly tr: string; readonly h: string };
}

export interface Theme {
  readonly color: boolean;
  readonly unicode: boolean;
  readonly symbols: Symbols;
  readonly borderStyle: 'round' | 'classic';
  /** Ink colour for a tone, or undefined when colour is off. */
  colorOf: (tone: Tone) => string | undefined;
}

const UNICODE: Symbols = {
  pointer: '▶',
  ok: '✓',
  fail: '✗',
  warn: '!',
  ellipsis: '…',
  bullet: '•',
  dash: '—',
  spinner: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'],
  border: { tl: '╭', tr: '╮', h: '─' },
};

const ASCII: Symbols = {
  pointer: '>',
  ok: '+',
  fail: 'x',
  warn: '!',
  ellipsis: '...',
  bullet: '*',
  dash: '-',
  spinner: ['|', '/', '-', '\\'],
  border: { tl: '+', tr: '+', h: '-' },
};

const COLORS: Record<Tone, string> = {
  accent: 'cyan',
  muted: 'gray',
  success: 'green',
  warning: 'yellow',
  danger: 'red',
  sandbox: 'magenta',
  match: 'yellow',
  title: 'cyanBright',
};

type Env = Readonly<Record<string, string | undefined>>;

/** https://no-color.org: any non-empty NO_COLOR turns colour off. */
export function wantsColor(env: Env): boolean {
  return !env['NO_COLOR'];
}

/**
 * The locale decides when one is set (the first of LC_ALL, LC_CTYPE, LANG, as libc resolves it); without one, only
 * the Linux console and dumb terminals are assumed to lack Unicode. EC_ACCESS_ASCII=1 forces ASCII.
 */
export function wantsUnicode(env: Env): boolean {
  if (env['EC_ACCESS_ASCII'] === '1') return false;
  const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'];
  if (locale) return /utf-?8/i.test(locale);
  const term = env['TERM'] ?? '';
  return term !== 'linux' && term !== 'dumb';
}

export function createTheme(options: { color: boolean; unicode: boolean }): Theme {
  return {
    ...options,
    symbols: options.unicode ? UNICODE : ASCII,
    borderStyle: options.unicode ? 'round' : 'classic',
    colorOf: (tone) => (options.color ? COLORS[tone] : undefined),
  };
}

export function themeFromEnv(env: Env): Theme {
  return createTheme({ color: wantsColor(env), unicode: wantsUnicode(env) });
}

export const ThemeContext = createContext<Theme>(createTheme({ color: true, unicode: true }));

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
