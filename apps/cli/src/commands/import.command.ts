import { readFileSync } from 'node:fs';
import { loadConfig } from '@app/config';
import { CsvImportService, ORGANIZATION_CSV_COLUMNS, MENTOR_CSV_COLUMNS, type ImportKind } from '@app/import';
import { createCliContext } from '../cli.module';
import { progressBar } from '../progress';

/**
 * `npm run import -- organizations FILE.csv [--skip-invalid]` (or `mentors`). Every row is
 * validated; bad rows are listed with their line; nothing is imported when any row is bad,
 * unless --skip-invalid. Exit code 1 when nothing was imported because of bad rows.
 */
export async function importCommand(kind: string, file: string, skipInvalid: boolean): Promise<number> {
  if (kind !== 'organizations' && kind !== 'mentors') {
    process.stderr.write(`Unknown import kind "${kind}": use organizations or mentors\n`);
    return 2;
  }
  const columns = kind === 'organizations' ? ORGANIZATION_CSV_COLUMNS : MENTOR_CSV_COLUMNS;
  let csv: Buffer;
  try {
    csv = readFileSync(file);
  } catch (err) {
    process.stderr.write(
      `Cannot read ${file}: ${(err as Error).message}\nExpected columns: ${columns.join(',')}\n`,
    );
    return 2;
  }
  const config = loadConfig({ ...process.env, DEMO_DATA: 'false' });
  const app = await createCliContext(config);
  const bar = progressBar('Importing');
  try {
    const started = performance.now();
    const result = await app
      .get(CsvImportService)
      .import(kind as ImportKind, csv, { skipInvalid, onProgress: (done, total) => bar.update(done, total) });
    bar.stop();
    for (const row of result.invalid.slice(0, 200)) {
      process.stderr.write(
        `line ${row.line}: ${row.errors.map((e) => `${e.field} ${e.message}`).join('; ')}\n`,
      );
    }
    if (result.invalid.length > 200)
      process.stderr.write(`… and ${result.invalid.length - 200} more bad rows\n`);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!result.committed) {
      process.stderr.write(
        `Nothing imported: ${result.invalid.length} of ${result.total} rows are invalid (use --skip-invalid to import the others)\n`,
      );
      return 1;
    }
    process.stdout.write(
      `Imported ${result.imported} ${kind} of ${result.total} rows in ${seconds} s` +
        (result.invalid.length ? `; skipped ${result.invalid.length} invalid rows\n` : '\n'),
    );
    return 0;
  } finally {
    bar.stop();
    await app.close();
  }
}
