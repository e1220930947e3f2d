import type { QueryRunner } from 'typeorm';
import { copyLine, copyText } from '@app/database';
import { ORGANIZATION_COPY_COLUMNS, buildOrganizationRecord, organizationCopyRow } from '@app/profiles';
import { CsvImportService } from '@app/import';
import { generatePopulation } from '@app/seed';
import { fmt, median, peakRssMb } from '../bench/stats';
import { createScratchDatabase } from '../bench/scratch-database';
import { organizationsCsv } from '../bench/organizations-csv';
import { progressBar } from '../progress';

/**
 * `npm run bench:import -- --organizations 100000`: the CSV import (parse, validate, derive,
 * COPY in one transaction) against a raw COPY of the same rows into the same table, measured
 * in the same run. Target: import ≤ 5 s and ≥ 0.7× the raw COPY's speed.
 */
export async function benchImportCommand(organizations: number, rounds: number): Promise<number> {
  const db = await createScratchDatabase('import');
  try {
    const population = generatePopulation({ organizations, mentors: 0, seed: 42 });
    const fields = population.organizations.map((o) => o.fields);
    const csv = organizationsCsv(fields);
    // The baseline loads exactly the rows the import writes, already rendered: COPY alone.
    const copyChunks: string[] = [];
    let chunk = '';
    for (const f of fields) {
      chunk += copyLine(organizationCopyRow(null, buildOrganizationRecord(f).record!));
      if (chunk.length > 1 << 20) {
        copyChunks.push(chunk);
        chunk = '';
      }
    }
    copyChunks.push(chunk);
    const importer = new CsvImportService(db.dataSource);
    const importTimes: number[] = [];
    const copyTimes: number[] = [];
    const bar = progressBar('Benchmark');
    for (let round = 0; round < rounds; round++) {
      bar.update(round * 2, rounds * 2);
      await db.dataSource.query('TRUNCATE organizations');
      let t0 = performance.now();
      const result = await importer.import('organizations', csv);
      importTimes.push(performance.now() - t0);
      if (!result.committed || result.imported !== organizations) {
        throw new Error(`Import failed: ${JSON.stringify(result.invalid.slice(0, 3))}`);
      }
      bar.update(round * 2 + 1, rounds * 2);
      await db.dataSource.query('TRUNCATE organizations');
      t0 = performance.now();
      await db.dataSource.transaction((m) =>
        copyText(m.queryRunner as QueryRunner, 'organizations', ORGANIZATION_COPY_COLUMNS, copyChunks),
      );
      copyTimes.push(performance.now() - t0);
    }
    bar.update(rounds * 2, rounds * 2);
    bar.stop();
    const [{ count }] = (await db.dataSource.query(
      'SELECT count(*)::int AS count FROM organizations',
    )) as Array<{ count: number }>;
    const importMs = median(importTimes);
    const copyMs = median(copyTimes);
    const ratio = copyMs / importMs;
    const pass = importMs <= 5000 && ratio >= 0.7;
    process.stdout.write(
      [
        `bench:import — ${organizations} organisations, ${(csv.length / 1e6).toFixed(1)} MB CSV, median of ${rounds} rounds (PostgreSQL)`,
        `  import (parse + validate + COPY): ${fmt(importMs / 1000)} s  (${Math.round(organizations / (importMs / 1000))} rows/s)`,
        `  raw COPY of the same rows:        ${fmt(copyMs / 1000)} s  (${Math.round(organizations / (copyMs / 1000))} rows/s)`,
        `  speed ratio import / raw COPY:    ${fmt(ratio)}×  (target ≥ 0.70×)`,
        `  rows in table after last COPY:    ${count}`,
        `  peak RSS: ${Math.round(peakRssMb())} MB`,
        `  ${pass ? 'PASS' : 'MISS'}: target import ≤ 5 s and ratio ≥ 0.7`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await db.drop();
  }
}
