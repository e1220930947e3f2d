import DataLoader from 'dataloader';
import type { AccountsService, UserEntity } from '@app/accounts';
import type {
  MentorProfileView,
  MentorProfilesService,
  OrganizationEntity,
  OrganizationsService,
} from '@app/profiles';

/** Per-request batching of nested lookups: one query per kind per tick, not one per parent. */
export interface Loaders {
  userById: DataLoader<string, UserEntity | null>;
  /**
   * System reads: only for parents that already grant access to the profile (a mentorship
   * request shows its organisation to the mentor it is addressed to).
   */
  organizationById: DataLoader<string, OrganizationEntity | null>;
  mentorById: DataLoader<string, MentorProfileView | null>;
}

/** Values for `keys`, in order, from rows found in any order (null where missing). */
const byKey =
  <T extends { id: string }>(find: (ids: readonly string[]) => Promise<T[]>) =>
  async (ids: readonly string[]): Promise<Array<T | null>> => {
    const found = new Map((await find(ids)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  };

export function createLoaders(
  accounts: AccountsService,
  organizations: OrganizationsService,
  mentors: MentorProfilesService,
): Loaders {
  return {
    userById: new DataLoader((ids) => accounts.findByIds(ids), { maxBatchSize: 500 }),
    organizationById: new DataLoader(
      byKey((ids) => organizations.findByIds(ids)),
      { maxBatchSize: 500 },
    ),
    mentorById: new DataLoader(
      byKey((ids) => mentors.findByIds(ids)),
      { maxBatchSize: 500 },
    ),
  };
}
