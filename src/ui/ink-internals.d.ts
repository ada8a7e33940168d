/**
 * Ink modules that Ink's package "exports" does not list, imported by their path inside the package; each tool maps
 * the path to the installed file (scripts/ink-internals.mjs). Typed from what Ink does export.
 */
declare module 'ink/build/components/StdinContext.js' {
  import type { Context } from 'react';
  import type { StdinProps } from 'ink';

  /** The context Ink's useInput and useStdin read. */
  const StdinContext: Context<StdinProps>;
  export default StdinContext;
}
