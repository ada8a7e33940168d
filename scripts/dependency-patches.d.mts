/** Types of scripts/dependency-patches.mjs, for the tests and the bench that read its table. */

/** A bundled file's path in, its patched text out (undefined: bundled as installed). */
export type PatchLoad = (args: { path: string }) => { contents: string; loader: 'js' } | undefined;

/** The part of esbuild's PluginBuild the plugin uses. */
export interface PatchPluginBuild {
  onLoad(options: { filter: RegExp }, callback: PatchLoad): void;
}

export declare const PATCH_NAMES: readonly string[];
export declare const PATCH_PROOFS: ReadonlyArray<{ readonly name: string; readonly proof: RegExp }>;
export declare function patchesOff(value: string | undefined): string[];
export declare function dependencyPatches(options: { nodeModules: string; src: string; off?: readonly string[] }): {
  plugin: { name: string; setup: (build: PatchPluginBuild) => void };
  check: () => void;
};
