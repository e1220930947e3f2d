export * from './entities';
export * from './features.module';
export * from './jobs.module';
