/** A mistake in what the user typed: one line on stderr, exit code 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
/** Ran fine, found nothing (like grep). */
export const EXIT_NOTHING = 1;
export const EXIT_USAGE = 2;
/** The engine failed (cannot read procfs, unsupported OS). */
export const EXIT_FAILURE = 3;
