import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portscope, unreachableFor } from '../support/cli';
import { portOf, SocketBag } from '../support/sockets';

// A user who may not look into other users' fd tables: the row must say so, not guess an owner.
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

const unreachable = isRoot ? unreachableFor(NOBODY) : null;
const bag = new SocketBag();
let port: number;

beforeAll(async () => {
  port = portOf(await bag.listen('127.0.0.1'));
});
afterAll(() => bag.closeAll());

describe.skipIf(!isRoot || unreachable !== null)('as an unprivileged user', () => {
  it('marks sockets of other users as permission-denied and says how to see them', () => {
    const r = portscope(['list', '--json', '--port', String(port)], { uid: NOBODY });
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ pid: number | null; processName: string | null; ownerStatus: string; socketUid: number }>;
    expect(rows).toEqual([expect.objectContaining({ pid: null, processName: null, ownerStatus: 'permission-denied', socketUid: 0 })]);
    expect(r.stderr).toMatch(/permission denied/);
  });
});

if (!isRoot) console.log('permissions.test: skipped: needs root to run the CLI as another user');
else if (unreachable) console.log(`permissions.test: skipped: ${unreachable}`);
