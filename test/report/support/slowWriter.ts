// Run as a child (node --import tsx): starts an atomic write whose content arrives slowly, says
// "writing" once the temporary file holds data, and waits to be killed mid-write.
import { writeFileAtomic } from '../../../electron/engine/report/atomicWrite';

const target = process.argv[2]!;
async function* slow(): AsyncGenerator<string> {
  yield 'NEW CONTENT PART 1\n'.repeat(10_000);
  process.stdout.write('writing\n');
  await new Promise((resolve) => setTimeout(resolve, 60_000));
  yield 'NEW CONTENT PART 2\n';
}
await writeFileAtomic(target, slow());
process.stdout.write('done\n');
