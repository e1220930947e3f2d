import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { benchApiCommand } from './commands/bench-api.command';
import { benchImportCommand } from './commands/bench-import.command';
import { benchLoadCommand } from './commands/bench-load.command';
import { benchRecommendCommand } from './commands/bench-recommend.command';
import { benchScoringCommand } from './commands/bench-scoring.command';
import { benchAssignmentCommand } from './commands/bench-assignment.command';
import { createAdminCommand } from './commands/create-admin.command';
import { generateMigration } from './commands/generate-migration';
import { importCommand } from './commands/import.command';
import { schemaCommand } from './commands/schema.command';
import { seedCommand } from './commands/seed.command';
import { startBareServer } from './bench/bare-server';

const USAGE = `Usage: node dist/apps/cli/src/main.js <command> [options]
  seed --organizations N --mentors M --seed S     deterministic synthetic population
  import organizations|mentors FILE.csv [--skip-invalid]
  create-admin --email E [--name N]               an ADMIN account (password: ADMIN_PASSWORD or stdin)
  schema [--check]                                write (or check) schema.gql
  migration-generate NAME                         migration for entity changes (needs PostgreSQL)
  bench-import --organizations N [--rounds R]
  bench-api [--organizations N] [--seconds S] [--connections C] [--rounds R]
  bench-scoring [--organizations N] [--mentors M] [--k K] [--threads T] [--seed S] [--slice N] [--rounds R]
  bench-assignment [--organizations N] [--mentors M] [--candidates C] [--check-organizations N] [--women-led-share S] [--mentor-capacity LO-HI] [--seed S]
  bench-recommend [--organizations N] [--mentors M] [--rate R] [--seconds S] [--connections C] [--separate-worker]
  bench-load [--clients C] [--seconds S] [--organizations N] [--mentors M]`;

const int = (value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected a whole number, got "${value}"`);
  return n;
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      organizations: { type: 'string' },
      mentors: { type: 'string' },
      seed: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      check: { type: 'boolean' },
      rounds: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      clients: { type: 'string' },
      port: { type: 'string' },
      k: { type: 'string' },
      threads: { type: 'string' },
      slice: { type: 'string' },
      rate: { type: 'string' },
      'separate-worker': { type: 'boolean' },
      candidates: { type: 'string' },
      'check-organizations': { type: 'string' },
      'women-led-share': { type: 'string' },
      'mentor-capacity': { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case 'seed':
      await seedCommand({
        organizations: int(values.organizations, 1000),
        mentors: int(values.mentors, 100),
        seed: int(values.seed, 1),
      });
      return 0;
    case 'import':
      if (rest.length < 2) break;
      return importCommand(rest[0], rest[1], values['skip-invalid'] ?? false);
    case 'create-admin':
      return createAdminCommand({ email: values.email, name: values.name });
    case 'schema':
      return schemaCommand(values.check ?? false);
    case 'migration-generate':
      if (!rest[0]) break;
      await generateMigration(
        rest[0],
        process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
      );
      return 0;
    case 'bench-import':
      return benchImportCommand(int(values.organizations, 100_000), int(values.rounds, 3));
    case 'bench-api':
      return benchApiCommand({
        organizations: int(values.organizations, 5000),
        seconds: int(values.seconds, 10),
        connections: int(values.connections, 50),
        rounds: int(values.rounds, 3),
      });
    case 'bench-scoring':
      return benchScoringCommand({
        organizations: int(values.organizations, 100_000),
        mentors: int(values.mentors, 10_000),
        k: int(values.k, 50),
        threads: int(values.threads, availableParallelism()),
        seed: int(values.seed, 1),
        slice: int(values.slice, 200),
        rounds: int(values.rounds, 3),
      });
    case 'bench-assignment': {
      const [low, high] = (values['mentor-capacity'] ?? '1-5').split('-').map((v) => int(v, 1));
      return benchAssignmentCommand({
        organizations: int(values.organizations, 100_000),
        mentors: int(values.mentors, 10_000),
        candidates: int(values.candidates, 20),
        seed: int(values.seed, 1),
        check: int(values['check-organizations'], 20_000),
        womenLedShare: Number(values['women-led-share'] ?? '0.5'),
        mentorCapacity: [low, high ?? low],
      });
    }
    case 'bench-recommend':
      return benchRecommendCommand({
        organizations: int(values.organizations, 2000),
        mentors: int(values.mentors, 10_000),
        rate: int(values.rate, 200),
        seconds: int(values.seconds, 20),
        connections: int(values.connections, 50),
        separateWorker: values['separate-worker'] ?? false,
      });
    case 'bench-load':
      return benchLoadCommand({
        clients: int(values.clients, 200),
        seconds: int(values.seconds, 60),
        organizations: int(values.organizations, 2000),
        mentors: int(values.mentors, 400),
      });
    case 'bare-server': {
      const url = await startBareServer(process.env.DATABASE_URL as string, int(values.port, 4000));
      process.stdout.write(`bare server listening at ${url}\n`);
      return -1;
    }
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
