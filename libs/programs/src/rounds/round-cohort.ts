import type { AssignmentProblem } from '@app/assignment';
import { scoreMatch, scoredMentor, scoredOrganization, type ScoreWeights } from '@app/matching';
import type { MentorSnapshot, OrganizationSnapshot } from '@app/profiles';
import { Locality } from '@app/taxonomy';

/** `org:mentor` keys of the interest signals among a cohort (as MatchInterestsService.among reads them). */
export interface InterestSignals {
  excluded: ReadonlySet<string>;
  orgInterested: ReadonlySet<string>;
  mentorInterested: ReadonlySet<string>;
}

/** Everything a round reads before it solves, as plain data. */
export interface CohortSources {
  /** The cohort's organisations, in id order (the order ties break in). */
  organizations: readonly OrganizationSnapshot[];
  mentors: readonly MentorSnapshot[];
  /** Mentorships each organisation already runs; missing: none. */
  activeMentorships: ReadonlyMap<string, number>;
  /** Places each mentor can still take (`placesLeft`); missing: none. */
  mentorPlaces: ReadonlyMap<string, number>;
  maxMentorsPerOrganization: number;
  /** `org:mentor` keys of pairs already running or asked: not proposed again. */
  inProgress: ReadonlySet<string>;
  signals: InterestSignals;
  weights: Readonly<ScoreWeights>;
}

/** An organisation as the round saw it when it solved. */
export interface RoundOrganization {
  id: string;
  /** Mentors it could still take in this round. */
  places: number;
  womenLed: boolean;
  nonMetropolitan: boolean;
  /** Its candidate pairs (mentors passing the gates). */
  candidates: number;
}

/** A mentor as the round saw it when it solved. */
export interface RoundMentor {
  id: string;
  places: number;
}

/** A candidate pair, its score, and whether the round assigned it. */
export interface RoundCandidate {
  organizationId: string;
  mentorId: string;
  score: number;
  assigned: boolean;
}

/** The cohort as an assignment problem, with who is who (index o of the problem is organizations[o]). */
export interface Cohort {
  problem: AssignmentProblem;
  /** STABLE's rankings per arc: the score, with candidates marked INTERESTED first. */
  orgRank: Int32Array;
  mentorRank: Int32Array;
  organizations: RoundOrganization[];
  mentors: RoundMentor[];
  womenLed: Uint8Array;
  nonMetropolitan: Uint8Array;
}

/** Ranks INTERESTED candidates above any score (scores are at most 100). */
const INTERESTED_BONUS = 1000;

/**
 * The round's candidate pairs: every organisation–mentor pair of the cohort that passes the hard
 * gates, is not already running or asked, and that neither side marked NOT_INTERESTED; with the
 * places each side has left.
 */
export function buildCohort(s: CohortSources): Cohort {
  const orgRank: number[] = [];
  const mentorRank: number[] = [];
  const scoredMentors = s.mentors.map(scoredMentor);
  const orgStart = new Int32Array(s.organizations.length + 1);
  const arcMentor: number[] = [];
  const arcScore: number[] = [];
  s.organizations.forEach((org, o) => {
    orgStart[o] = arcMentor.length;
    const input = scoredOrganization(org);
    s.mentors.forEach((mentor, m) => {
      const key = `${org.id}:${mentor.id}`;
      if (s.inProgress.has(key) || s.signals.excluded.has(key)) return;
      const match = scoreMatch(input, scoredMentors[m], s.weights);
      if (!match) return;
      arcMentor.push(m);
      arcScore.push(match.score);
      orgRank.push(match.score + (s.signals.orgInterested.has(key) ? INTERESTED_BONUS : 0));
      mentorRank.push(match.score + (s.signals.mentorInterested.has(key) ? INTERESTED_BONUS : 0));
    });
  });
  orgStart[s.organizations.length] = arcMentor.length;
  const organizations = s.organizations.map((org, o) => ({
    id: org.id,
    places: Math.max(0, s.maxMentorsPerOrganization - (s.activeMentorships.get(org.id) ?? 0)),
    womenLed: org.womenLed,
    nonMetropolitan: org.locality !== Locality.METROPOLITAN,
    candidates: orgStart[o + 1] - orgStart[o],
  }));
  const mentors = s.mentors.map((m) => ({ id: m.id, places: Math.max(0, s.mentorPlaces.get(m.id) ?? 0) }));
  return {
    problem: {
      orgCount: organizations.length,
      mentorCount: mentors.length,
      orgStart,
      arcMentor: Int32Array.from(arcMentor),
      arcScore: Int32Array.from(arcScore),
      orgCapacity: Int32Array.from(organizations, (o) => o.places),
      mentorCapacity: Int32Array.from(mentors, (m) => m.places),
    },
    orgRank: Int32Array.from(orgRank),
    mentorRank: Int32Array.from(mentorRank),
    organizations,
    mentors,
    womenLed: Uint8Array.from(organizations, (o) => (o.womenLed ? 1 : 0)),
    nonMetropolitan: Uint8Array.from(organizations, (o) => (o.nonMetropolitan ? 1 : 0)),
  };
}

/** Every candidate pair of the cohort, marked with whether `chosen` assigns it. */
export function candidatesOf(cohort: Cohort, chosen: Uint8Array): RoundCandidate[] {
  const p = cohort.problem;
  const rows: RoundCandidate[] = [];
  for (let o = 0; o < p.orgCount; o++) {
    for (let a = p.orgStart[o]; a < p.orgStart[o + 1]; a++) {
      rows.push({
        organizationId: cohort.organizations[o].id,
        mentorId: cohort.mentors[p.arcMentor[a]].id,
        score: p.arcScore[a],
        assigned: chosen[a] === 1,
      });
    }
  }
  return rows;
}
