/** Types of scripts/ink-internals.mjs, for vitest.config.ts. */
export declare function inkInternalPath(nodeModules: string, specifier: string): string;
export declare function inkInternalAliases(nodeModules: string): Array<{ find: string; replacement: string }>;
