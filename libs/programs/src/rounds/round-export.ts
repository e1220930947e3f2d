import type { RoundCandidate, RoundMentor, RoundOrganization } from './round-cohort';

export interface RoundCsvs {
  candidatesCsv: string;
  organizationsCsv: string;
  mentorsCsv: string;
}

const byId = <T extends { id: string }>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * The round as the solver saw it, enough for an independent solver to check the assignment:
 * every candidate pair with its score and whether it is assigned, each organisation's places and
 * groups, each mentor's places — all as stored with the round, so they describe what was solved
 * whatever has changed since. Rows in id order; candidates in the order given.
 */
export function roundCsvs(
  candidates: readonly RoundCandidate[],
  organizations: readonly RoundOrganization[],
  mentors: readonly RoundMentor[],
): RoundCsvs {
  const flag = (b: boolean): number => (b ? 1 : 0);
  return {
    candidatesCsv: [
      'organization_id,mentor_id,score,assigned',
      ...candidates.map((c) => `${c.organizationId},${c.mentorId},${c.score},${flag(c.assigned)}`),
    ].join('\n'),
    organizationsCsv: [
      'organization_id,max_mentors,women_led,non_metropolitan',
      ...byId(organizations).map((o) => `${o.id},${o.places},${flag(o.womenLed)},${flag(o.nonMetropolitan)}`),
    ].join('\n'),
    mentorsCsv: ['mentor_id,capacity', ...byId(mentors).map((m) => `${m.id},${m.places}`)].join('\n'),
  };
}
