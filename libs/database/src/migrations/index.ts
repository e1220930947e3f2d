import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795812583190 } from './1795812583190-initial-schema';

/** Every migration, in order. Listed explicitly so the built app needs no glob at runtime. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [InitialSchema1795812583190];
