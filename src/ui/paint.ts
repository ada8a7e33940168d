/**
 * A list row's text with its styles written in, as Ink's <Text> would write them: the same chalk calls in the same
 * order (colour, then bold, then underline), on the same shared chalk, so the bytes on screen are the same. A row
 * is then one text node instead of a tree of them: a filter keystroke that redraws a page of rows reconciles and
 * squashes a tenth of the nodes.
 */
import chalk, { foregroundColorNames, type ForegroundColorName } from 'chalk';

export interface Style {
  /** A chalk colour name, as the theme gives them ('cyan', 'gray', 'cyanBright'); undefined for none. */
  readonly color?: string | undefined;
  readonly bold?: boolean;
  readonly underline?: boolean;
}

type Painter = (text: string) => string;

const isColourName = (name: string): name is ForegroundColorName =>
  (foregroundColorNames as readonly string[]).includes(name);

function colour(name: string): Painter {
  if (!isColourName(name)) throw new Error(`not a chalk colour: ${name}`);
  return chalk[name];
}

export function paint(text: string, style: Style): string {
  if (!text) return text;
  let out = text;
  if (style.color) out = colour(style.color)(out);
  if (style.bold) out = chalk.bold(out);
  if (style.underline) out = chalk.underline(out);
  return out;
}
