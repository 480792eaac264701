import { main } from './main';

// Piped into `head` or a closed pager: stop quietly instead of throwing EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const code = await main(process.argv.slice(2));
// Let stdout drain (large --json output to a pipe) before leaving.
process.exitCode = code;
