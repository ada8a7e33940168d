#!/usr/bin/env node
// Thin launcher: the compiled entry point is the bundle in dist/app (`npm start` or `npm run build` makes it in a
// checkout; the published package ships it).
import module from 'node:module';
import process from 'node:process';

// `--version` or `--help` alone: the answers the build took from the bundle (scripts/bundle.mjs), printed without
// loading the app, so they cost little more than starting node (bench P7).
const QUICK_ANSWERS = { '--version': 'version', '-v': 'version', '--help': 'help', '-h': 'help' };
const args = process.argv.slice(2);
const quick = args.length === 1 && Object.hasOwn(QUICK_ANSWERS, args[0]) ? QUICK_ANSWERS[args[0]] : undefined;

function notBuilt(err, file) {
  return err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes(file);
}

function start() {
  // React's development build is several times slower and hungrier; users get the production one unless they ask.
  process.env.NODE_ENV ??= 'production';
  // Node 22.1+ keeps the compiled bundle in its compile cache (in the OS temp folder) so later starts skip most of
  // the parsing; NODE_DISABLE_COMPILE_CACHE=1 turns it off. Older Nodes lack the function, and a cache that cannot
  // be written only costs the speed-up.
  module.enableCompileCache?.();
  return import('../dist/app/cli/main.js');
}

(quick
  ? import('../dist/app/cli/quick-answers.js').then((answers) => process.stdout.write(answers[quick]))
  : start()
).catch((err) => {
  if (notBuilt(err, 'dist/app/cli/main.js') || notBuilt(err, 'dist/app/cli/quick-answers.js')) {
    process.stderr.write('ec-access is not built yet: run `npm start` (or `npm run build`) in the project folder.\n');
    process.exit(1);
  }
  throw err;
});
