import type { EntityManager } from 'typeorm';
import type { EconomyCode, Locality, SizeClass } from '@app/taxonomy';
import { placesLeft } from './availability';

/**
 * What programmes and their reports read of a cohort's organisations: where they are, the groups
 * a report breaks them down by, and how many mentorships they already run.
 */
export interface OrganizationCohortFacts {
  id: string;
  economy: EconomyCode;
  isicSection: string;
  womenLed: boolean;
  locality: Locality;
  sizeClass: SizeClass;
  activeMentorships: number;
}

/** What programmes and their reports read of a cohort's mentors. */
export interface MentorCohortFacts {
  id: string;
  economy: EconomyCode;
  capacity: number;
  activeMentorships: number;
  acceptingRequests: boolean;
  /** Places the mentor can still take (the one rule, `placesLeft`). */
  placesLeft: number;
}

/**
 * The organisations among `ids` that exist, in id order, read in the caller's transaction (a
 * deleted one is simply missing).
 */
export async function organizationCohortFacts(
  manager: EntityManager,
  ids: readonly string[],
): Promise<OrganizationCohortFacts[]> {
  if (ids.length === 0) return [];
  const rows: Array<{
    id: string;
    economy: EconomyCode;
    isic_section: string;
    women_led: boolean;
    locality: Locality;
    size_class: SizeClass;
    active_mentorships: number | string;
  }> = await manager.query(
    `SELECT id, economy, isic_section, women_led, locality, size_class, active_mentorships
       FROM organizations WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  );
  return rows.map((r) => ({
    id: r.id,
    economy: r.economy,
    isicSection: r.isic_section,
    womenLed: r.women_led,
    locality: r.locality,
    sizeClass: r.size_class,
    activeMentorships: Number(r.active_mentorships),
  }));
}

/** The mentor profiles among `ids` that exist, in id order, read in the caller's transaction. */
export async function mentorCohortFacts(
  manager: EntityManager,
  ids: readonly string[],
): Promise<MentorCohortFacts[]> {
  if (ids.length === 0) return [];
  const rows: Array<{
    id: string;
    economy: EconomyCode;
    capacity: number | string;
    active_mentorships: number | string;
    accepting_requests: boolean;
  }> = await manager.query(
    `SELECT id, economy, capacity, active_mentorships, accepting_requests
       FROM mentor_profiles WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  );
  return rows.map((r) => {
    const places = {
      acceptingRequests: r.accepting_requests,
      capacity: Number(r.capacity),
      activeMentorships: Number(r.active_mentorships),
    };
    return { id: r.id, economy: r.economy, ...places, placesLeft: placesLeft(places) };
  });
}
