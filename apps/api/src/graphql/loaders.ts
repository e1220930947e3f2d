import DataLoader from 'dataloader';
import type { AccountsService, UserEntity } from '@app/accounts';

/** Per-request batching of nested lookups: one query per kind per tick, not one per parent. */
export interface Loaders {
  userById: DataLoader<string, UserEntity | null>;
}

export function createLoaders(accounts: AccountsService): Loaders {
  return {
    userById: new DataLoader((ids) => accounts.findByIds(ids), { maxBatchSize: 500 }),
  };
}
