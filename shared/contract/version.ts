/**
 * The contract's version. Bump the major part when a call, event or schema changes in a way an
 * older peer cannot read; transports refuse peers whose major part differs.
 */
export const CONTRACT_VERSION = '1.0.0';

export function contractMajor(version: string): number {
  const major = Number.parseInt(version.split('.')[0] ?? '', 10);
  return Number.isFinite(major) ? major : -1;
}
