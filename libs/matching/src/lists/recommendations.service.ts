import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { Actor, Role, badInput, forbidden, hasRole, isAdmin } from '@app/common';
import {
  MentorProfilesService,
  OrganizationsService,
  mentorSnapshotOf,
  openToRequestsSql,
  type MentorProfileView,
  type OrganizationEntity,
} from '@app/profiles';
import { scoreMatch, type ScoreComponent } from '../score/match-score';
import {
  RecommendationStore,
  entriesOf,
  type ListView,
  type ReadEntry,
  type StoredEntry,
} from './recommendation.store';
import { scoredMentor, scoredOrganization } from '../score/scoring-inputs';

export interface Recommendation<T> {
  candidate: T;
  score: number;
  breakdown: ScoreComponent[];
  engineVersion: string;
  computedAt: Date;
}

const mentorInput = (m: MentorProfileView) => scoredMentor(mentorSnapshotOf(m));

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
    const limit = this.limit(first);
    // One round trip: the organisation (if the caller may see it) and its list with the mentors.
    const { organization: org, rows } = await this.organizations.findOneWith(
      actor,
      organizationId,
      (orgId, next) => this.store.readQuery('organization', orgId, next, limit, this.openMentors()),
    );
    return this.rankMentors(org, entriesOf(rows));
  }

  /**
   * The whole stored list of an organisation's mentors open to requests, best first. A system
   * read: for callers that have decided who may see it (an expired request's suggestions).
   */
  async availableMentorsFor(organizationId: string): Promise<Recommendation<MentorProfileView>[]> {
    const [org] = await this.organizations.findByIds([organizationId]);
    if (!org) return [];
    const found = await this.store.read(
      'organization',
      org.id,
      this.config.RECOMMENDATIONS_K,
      this.openMentors(),
    );
    return this.rankMentors(org, found);
  }

  /**
   * How one pair scores now, from the current profiles (a request's match, whoever sent it);
   * null when they no longer share a language.
   */
  explainPair(
    org: OrganizationEntity,
    mentor: MentorProfileView,
  ): { score: number; breakdown: ScoreComponent[] } | null {
    const match = scoreMatch(scoredOrganization(org), mentorInput(mentor));
    return match ? { score: match.score, breakdown: match.breakdown } : null;
  }

  /** Mentors open to requests (the one rule). */
  private openMentors(): ListView {
    return { ...this.mentors.viewSql(), alias: 'm', where: openToRequestsSql('m') };
  }

  private rankMentors(org: OrganizationEntity, found: ReadEntry[]): Recommendation<MentorProfileView>[] {
    const mentors = this.mentors.toViews(found.map((f) => f.row));
    const orgInput = scoredOrganization(org);
    return rank(
      found.map((f, i) => ({ entry: f.entry, candidate: mentors[i] })),
      (m) => scoreMatch(orgInput, mentorInput(m)),
    );
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
    const found = await this.store.read('mentor', mentor.id, this.limit(first), {
      ...this.organizations.viewSql(),
      alias: 'o',
    });
    const organizations = this.organizations.toEntities(found.map((f) => f.row));
    const input = mentorInput(mentor);
    return rank(
      found.map((f, i) => ({ entry: f.entry, candidate: organizations[i] })),
      (o) => scoreMatch(scoredOrganization(o), input),
    );
  }

  /** How many to read: at least 1; more than the stored list length gives the whole list. */
  private limit(first: number): number {
    if (!Number.isInteger(first) || first < 1) throw badInput('first must be at least 1');
    return Math.min(first, this.config.RECOMMENDATIONS_K);
  }
}

function rank<T extends { id: string }>(
  found: Array<{ entry: StoredEntry; candidate: T }>,
  score: (candidate: T) => ReturnType<typeof scoreMatch>,
): Recommendation<T>[] {
  const out: Recommendation<T>[] = [];
  for (const { entry, candidate } of found) {
    const live = score(candidate);
    if (!live) continue;
    out.push({
      candidate,
      score: live.score,
      breakdown: live.breakdown,
      engineVersion: live.engineVersion,
      computedAt: entry.computedAt,
    });
  }
  const id = (r: Recommendation<T>): string => r.candidate.id;
  return out.sort((a, b) => b.score - a.score || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}
