import type { EconomyCode, TopicCode } from '@app/taxonomy';
import { isOpenToRequests, type MentorPlaces } from './availability';
import { Gender, type MentorProfileEntity } from './mentor-profile.entity';

/** The fields of a mentor profile that matching reads. */
export interface MentorSnapshot {
  id: string;
  economy: EconomyCode;
  expertiseSectors: string[];
  expertiseTopics: TopicCode[];
  economies: EconomyCode[];
  languages: string[];
  /** Self-declared; matching uses it only where an organisation asks for a woman mentor. */
  isWoman: boolean;
  /** Open to new requests: accepting them, with capacity left (`isOpenToRequests`). */
  available: boolean;
}

/** What a snapshot is made of, besides whether the mentor is open to requests. */
export type MentorSnapshotFields = Pick<
  MentorProfileEntity,
  'id' | 'economy' | 'expertiseSectors' | 'expertiseTopics' | 'economies' | 'languages' | 'gender'
>;

/**
 * A mentor as matching sees it. The one mapping for the scoring runs' snapshots and the live
 * scores recommendations show, so both see the same mentor. `openToRequests` is the one rule's
 * answer: `isOpenToRequests` over a profile (see `mentorSnapshotOf`) or `openToRequestsSql` in the
 * query that read the row.
 */
export function mentorSnapshot(m: MentorSnapshotFields, openToRequests: boolean): MentorSnapshot {
  return {
    id: m.id,
    economy: m.economy,
    expertiseSectors: m.expertiseSectors,
    expertiseTopics: m.expertiseTopics,
    economies: m.economies,
    languages: m.languages,
    isWoman: m.gender === Gender.WOMAN,
    available: openToRequests,
  };
}

/** The snapshot of a profile already read (a mentor view, an entity). */
export const mentorSnapshotOf = (m: MentorSnapshotFields & MentorPlaces): MentorSnapshot =>
  mentorSnapshot(m, isOpenToRequests(m));
