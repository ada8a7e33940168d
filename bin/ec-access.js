#!/usr/bin/env node
// Thin launcher: the compiled entry point lives in dist/ (built by `npm install` through the prepare script).
// React's development build is several times slower and hungrier; users get the production one unless they ask.
process.env.NODE_ENV ??= 'production';
import('../dist/app/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/app/cli/main.js')) {
    process.stderr.write('ec-access is not built yet: run `npm install` (or `npm run build`) in the project folder.\n');
    process.exit(1);
  }
  throw err;
});
