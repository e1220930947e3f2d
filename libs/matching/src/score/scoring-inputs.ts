import type { MentorSnapshot, OrganizationSnapshot } from '@app/profiles';
import type { ScoredMentor, ScoredOrganization } from './match-score';

export const scoredOrganization = (o: OrganizationSnapshot): ScoredOrganization => ({
  isicDivision: o.isicDivision,
  economy: o.economy,
  locality: o.locality,
  womenLed: o.womenLed,
  prefersWomanMentor: o.prefersWomanMentor,
  needs: o.needs,
  targetEconomies: o.targetEconomies,
  languages: o.languages,
});

export const scoredMentor = (m: MentorSnapshot): ScoredMentor => ({
  expertiseSectors: m.expertiseSectors,
  expertiseTopics: m.expertiseTopics,
  economy: m.economy,
  economies: m.economies,
  languages: m.languages,
  isWoman: m.isWoman,
});
