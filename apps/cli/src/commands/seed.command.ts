import { loadConfig } from '@app/config';
import { PopulationLoader, generatePopulation } from '@app/seed';
import { createCliContext } from '../cli.module';
import { progressBar } from '../progress';

export interface SeedOptions {
  organizations: number;
  mentors: number;
  seed: number;
}

/** `npm run seed -- --organizations N --mentors M --seed S`: a deterministic synthetic population. */
export async function seedCommand(options: SeedOptions): Promise<void> {
  const config = loadConfig({ ...process.env, DEMO_DATA: 'false' });
  const started = performance.now();
  const population = generatePopulation(options);
  const app = await createCliContext(config);
  const bar = progressBar('Seeding');
  try {
    await app.get(PopulationLoader).load(population, (done, total) => bar.update(done, total));
  } finally {
    bar.stop();
    await app.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Seeded ${population.organizations.length} organisations (${population.owners.length} owners) and ` +
      `${population.mentors.length} mentors with seed ${options.seed} into ` +
      `${config.embeddedDatabase ? `the embedded database (${config.DATA_DIR})` : 'PostgreSQL'} in ${seconds} s\n`,
  );
}
