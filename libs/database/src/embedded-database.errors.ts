/**
 * A start that must stop: the data folder is in use, or the database in it cannot be opened.
 * The message is for the operator (what is wrong, what to do) and is printed as it is.
 */
export class EmbeddedDatabaseError extends Error {}

/** PGlite could not open its folder: name it and say how to get going again. */
export class EmbeddedDatabaseOpenError extends EmbeddedDatabaseError {
  constructor(
    readonly pgliteDir: string,
    cause: unknown,
  ) {
    const reason = (cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause))
      .split('\n')[0]
      .replace(/\.? Build with -sASSERTIONS.*$/, '');
    // PGlite aborts (RuntimeError: Aborted()) on files it cannot make sense of; anything else
    // (permissions, a full disk) is worth checking before moving data.
    const damaged = /abort/i.test(reason);
    const aside = `${pgliteDir}.damaged-${new Date().toISOString().replace(/[-:]|\.\d+/g, '')}`;
    super(
      [
        `The embedded database in ${pgliteDir} cannot be opened (${reason}).`,
        damaged
          ? 'Its files are damaged, e.g. by a crash during a write or by two processes that used the folder at once.'
          : 'Check that the folder is readable and writable and that the disk has room; if that is not it, its files may be damaged.',
        'To start again:',
        `  1. Stop every Mentorlink process that uses this folder, then move it aside (keep it): mv "${pgliteDir}" "${aside}"`,
        `  2. Either put back a copy of ${pgliteDir} saved while Mentorlink was stopped, or start Mentorlink`,
        '     without one: it creates a new, empty database (with the demo data when DEMO_DATA is on).',
      ].join('\n'),
      { cause },
    );
  }
}
