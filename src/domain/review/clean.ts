/**
 * Names in a review come from the API (emails, key descriptions, project names) and end up in files people open
 * in a terminal, a spreadsheet or a Markdown viewer. Control and bidi characters are dropped once, when the grant
 * rows are built, so every format starts from clean text.
 */

// C0 and C1 controls, DEL, and the bidi embedding/override/isolate marks that can make text read backwards.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function cleanText(text: string): string {
  return text.replace(UNSAFE, '');
}
