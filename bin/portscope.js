#!/usr/bin/env node
// The `portscope` command: checks the Node version, then runs the bundled CLI built at install.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `portscope: needs Node.js 22.12 or newer (this is ${process.versions.node}).\n` +
      'Get one from the npm registry: npm install -g --prefix ~/.local/node22 node@22 && export PATH=~/.local/node22/bin:$PATH\n',
  );
  process.exit(2);
}
// V8's code cache on disk: later runs skip compiling the bundle (most of a short command's start-up).
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
try {
  await import('../dist/cli.mjs');
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli.mjs')) {
    process.stderr.write('portscope: the CLI is not built yet: run `npm install` (or `npm run build`) in the project folder.\n');
    process.exit(2);
  }
  throw err;
}
