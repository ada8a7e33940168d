/**
 * A module loaded on first use, with the keypress provider holding the next key while it loads
 * (src/ui/pending-loads.ts): typing ahead behaves as if the code had been there all along. Once loaded, `use` calls
 * back synchronously. The panels a key opens come this way (screens/panels.ts): the first screen needs none of their
 * code, and every start used to parse and evaluate it before the first frame.
 */
import { whileLoading } from './pending-loads.js';

export type UseModule<M> = (use: (module: M) => void, onError: (error: unknown) => void) => void;

export function lazyModule<M>(load: () => Promise<M>): UseModule<M> {
  let loaded: M | undefined;
  return (use, onError) => {
    if (loaded) return use(loaded);
    whileLoading(
      load().then((module) => {
        loaded = module;
        use(module);
      }, onError),
    );
  };
}
