/** Words of a request: whitespace and commas split, "quoted phrases" stay whole, trailing punctuation and 's go. */
export interface Token {
  /** As typed (for descriptions and patterns, where case matters). */
  readonly text: string;
  /** Lower-cased, for matching. */
  readonly word: string;
  readonly quoted: boolean;
}

const TOKEN = /"([^"]*)"|'([^']*)'|“([^”]*)”|([^\s,]+)/g;

export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  for (const match of sentence.matchAll(TOKEN)) {
    const quoted = match[1] ?? match[2] ?? match[3];
    if (quoted !== undefined) {
      tokens.push({ text: quoted, word: quoted.toLowerCase(), quoted: true });
      continue;
    }
    const text = match[4]!.replace(/[.;:!?]+$/, '').replace(/['’]s$/i, '');
    if (text) tokens.push({ text, word: text.toLowerCase(), quoted: false });
  }
  return tokens;
}
