import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { Actor, Role, badInput, forbidden, hasRole, isAdmin } from '@app/common';
import {
  MentorProfilesService,
  OrganizationsService,
  type MentorProfileView,
  type OrganizationEntity,
} from '@app/profiles';
import { scoreMatch, type ScoreComponent } from './match-score';
import { RecommendationStore, type StoredEntry } from './recommendation.store';
import { scoredMentor, scoredOrganization } from './scoring-inputs';

export interface Recommendation<T> {
  candidate: T;
  score: number;
  breakdown: ScoreComponent[];
  engineVersion: string;
  computedAt: Date;
}

const mentorInput = (m: MentorProfileView) =>
  scoredMentor({ ...m, isWoman: m.gender === 'WOMAN', available: m.acceptingRequests });

/**
 * Reads stored recommendations. The stored list picks and orders the candidates; each one's
 * score and breakdown are computed again from the current profiles, so the points shown always
 * add up to the score shown, even in the moment between a profile change and its rescore.
 */
@Injectable()
export class RecommendationsService {
  constructor(
    private readonly config: AppConfig,
    private readonly store: RecommendationStore,
    private readonly organizations: OrganizationsService,
    private readonly mentors: MentorProfilesService,
  ) {}

  /** Mentors for an organisation the caller may see (owner, its economy's program managers, admins). */
  async forOrganization(
    actor: Actor,
    organizationId: string,
    first: number,
  ): Promise<Recommendation<MentorProfileView>[]> {
    const org = await this.organizations.findOne(actor, organizationId);
    const entries = await this.store.read('organization', org.id, this.limit(first));
    const byId = new Map((await this.mentors.findByIds(entries.map((e) => e.id))).map((m) => [m.id, m]));
    const orgInput = scoredOrganization(org);
    return rank(entries, byId, (m) => scoreMatch(orgInput, mentorInput(m)));
  }

  /** Organisations for a mentor: the mentor, program managers of the mentor's economy, admins. */
  async forMentor(
    actor: Actor,
    mentorId: string,
    first: number,
  ): Promise<Recommendation<OrganizationEntity>[]> {
    const mentor = await this.mentors.findOne(actor, mentorId);
    const mayRead =
      mentor.userId === actor.userId ||
      isAdmin(actor) ||
      (hasRole(actor, Role.PROGRAM_MANAGER) && actor.managedEconomies.includes(mentor.economy));
    if (!mayRead) throw forbidden('Only the mentor and program managers of their economy see these');
    const entries = await this.store.read('mentor', mentor.id, this.limit(first));
    const byId = new Map(
      (await this.organizations.findByIds(entries.map((e) => e.id))).map((o) => [o.id, o]),
    );
    const input = mentorInput(mentor);
    return rank(entries, byId, (o) => scoreMatch(scoredOrganization(o), input));
  }

  /** How many to read: at least 1; more than the stored list length gives the whole list. */
  private limit(first: number): number {
    if (!Number.isInteger(first) || first < 1) throw badInput('first must be at least 1');
    return Math.min(first, this.config.RECOMMENDATIONS_K);
  }
}

function rank<T>(
  entries: StoredEntry[],
  candidates: Map<string, T>,
  score: (candidate: T) => ReturnType<typeof scoreMatch>,
): Recommendation<T>[] {
  const out: Array<Recommendation<T> & { id: string }> = [];
  for (const entry of entries) {
    const candidate = candidates.get(entry.id);
    const live = candidate && score(candidate);
    if (!candidate || !live) continue;
    out.push({
      id: entry.id,
      candidate,
      score: live.score,
      breakdown: live.breakdown,
      engineVersion: live.engineVersion,
      computedAt: entry.computedAt,
    });
  }
  out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out.map(({ id: _id, ...r }) => r);
}
