import { Gender, buildMentorRecord, buildOrganizationRecord } from '@app/profiles';
import type { ScoredMentor, ScoredOrganization } from '@app/matching';
import { generatePopulation, type Population } from './population';
import { Random } from './random';

/**
 * The seed generator's deterministic population as scoring inputs, with the flag it does not set
 * (a requested woman mentor) drawn from the same seed. For matching's specs and the scoring
 * benchmark, which import it by path (@app/seed/scored-population).
 */
export function scoredPopulation(
  seed: number,
  organizations: number,
  mentors: number,
): { orgs: ScoredOrganization[]; mentors: ScoredMentor[] } {
  const population = generatePopulation({ organizations, mentors, seed });
  return { orgs: scoredOrganizations(population, seed), mentors: scoredMentors(population) };
}

export function scoredOrganizations(population: Population, seed: number): ScoredOrganization[] {
  const random = new Random(seed);
  return population.organizations.map(({ fields }): ScoredOrganization => {
    const record = buildOrganizationRecord(fields).record!;
    return { ...record, prefersWomanMentor: random.chance(0.2) };
  });
}

export function scoredMentors(population: Population): ScoredMentor[] {
  return population.mentors.map(({ fields }): ScoredMentor => {
    const record = buildMentorRecord(fields).record!;
    return { ...record, isWoman: record.gender === Gender.WOMAN };
  });
}
