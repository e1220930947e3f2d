import { progressBar } from '../progress';
import type { ScratchDatabase } from './scratch-database';

/** Waits for the latest full scoring run to complete, with a progress bar; returns its seconds. */
export async function waitForScoringRun(db: ScratchDatabase, label: string): Promise<number> {
  const bar = progressBar(label);
  const started = Date.now();
  for (;;) {
    const [run] = await db.dataSource.query(
      `SELECT status, processed, total FROM scoring_runs ORDER BY created_at DESC LIMIT 1`,
    );
    if (run) bar.update(run.processed, Math.max(run.total, 1));
    if (run?.status === 'COMPLETED') break;
    if (run?.status === 'FAILED') throw new Error('The scoring run failed');
    await new Promise((r) => setTimeout(r, 200));
  }
  bar.stop();
  return (Date.now() - started) / 1000;
}
