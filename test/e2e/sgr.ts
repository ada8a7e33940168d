/**
 * Colour in a raw terminal stream: every SGR sequence (ESC [ … m) that sets or resets a foreground or background
 * colour (30–39, 40–49, 90–97, 100–107, and the 38/48 extended forms). Bold, dim, inverse and reset are not
 * colour, so NO_COLOR output may still use them.
 */
export function colourSequences(raw: string): string[] {
  const found: string[] = [];
  // eslint-disable-next-line no-control-regex -- ESC is the point: SGR sequences are what this collects
  for (const match of raw.matchAll(/\x1b\[([0-9;:]*)m/g)) {
    const params = (match[1] ?? '')
      .split(/[;:]/)
      .filter((p) => p !== '')
      .map(Number);
    const colour = params.some((p) => (p >= 30 && p <= 49) || (p >= 90 && p <= 97) || (p >= 100 && p <= 107));
    if (colour) found.push(match[0]);
  }
  return found;
}
