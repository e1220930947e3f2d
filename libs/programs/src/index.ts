export * from './program.entities';
export * from './program.jobs';
export * from './programs.service';
export * from './matching-rounds.service';
export * from './programs.module';
export * from './round-requests.port';
