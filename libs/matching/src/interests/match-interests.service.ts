import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, forbidden, isUuid, notFound } from '@app/common';
import { partiesOf } from '@app/profiles';
import { InterestSide, MatchInterest } from './match-interest.entity';

/**
 * Interest signals: from its recommendations, an organisation's owner or a mentor marks a
 * candidate INTERESTED or NOT_INTERESTED (null clears it). NOT_INTERESTED from either side keeps
 * the pair out of matching rounds; INTERESTED puts the candidate first in that side's ranking
 * for STABLE rounds.
 */
@Injectable()
export class MatchInterestsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async set(
    actor: Actor,
    organizationId: string,
    mentorId: string,
    interest: MatchInterest | null,
  ): Promise<{ side: InterestSide; interest: MatchInterest | null }> {
    if (!isUuid(organizationId)) throw notFound('Organization');
    if (!isUuid(mentorId)) throw notFound('Mentor profile');
    const pair = await partiesOf(this.dataSource.manager, { organizationId, mentorId });
    if (!pair?.mentor) throw notFound('Organization or mentor profile');
    const side =
      pair.organization.ownerId === actor.userId
        ? InterestSide.ORGANIZATION
        : pair.mentor.userId === actor.userId
          ? InterestSide.MENTOR
          : null;
    if (!side) throw forbidden('Only the organisation’s owner or the mentor mark their interest');
    if (interest === null) {
      await this.dataSource.query(
        `DELETE FROM match_interests WHERE organization_id = $1 AND mentor_id = $2 AND side = $3`,
        [organizationId, mentorId, side],
      );
    } else {
      await this.dataSource.query(
        `INSERT INTO match_interests (organization_id, mentor_id, side, interest) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organization_id, mentor_id, side) DO UPDATE SET interest = $4, updated_at = now()`,
        [organizationId, mentorId, side, interest],
      );
    }
    return { side, interest };
  }

  /** One side's signals on the given pairs (organisations × mentors), by `org:mentor` key. */
  async signalsOf(
    side: InterestSide,
    organizationIds: string[],
    mentorIds: string[],
  ): Promise<Map<string, MatchInterest>> {
    const rows: Array<{ organization_id: string; mentor_id: string; interest: MatchInterest }> =
      organizationIds.length === 0 || mentorIds.length === 0
        ? []
        : await this.dataSource.query(
            `SELECT organization_id, mentor_id, interest FROM match_interests
              WHERE side = $1 AND organization_id = ANY($2::uuid[]) AND mentor_id = ANY($3::uuid[])`,
            [side, organizationIds, mentorIds],
          );
    return new Map(rows.map((r) => [`${r.organization_id}:${r.mentor_id}`, r.interest]));
  }

  /** The signals among the given organisations, as `org:mentor` keys per kind. */
  async among(organizationIds: string[]): Promise<{
    excluded: Set<string>;
    orgInterested: Set<string>;
    mentorInterested: Set<string>;
  }> {
    const rows: Array<{ organization_id: string; mentor_id: string; side: string; interest: string }> =
      await this.dataSource.query(
        `SELECT organization_id, mentor_id, side, interest FROM match_interests WHERE organization_id = ANY($1::uuid[])`,
        [organizationIds],
      );
    const excluded = new Set<string>();
    const orgInterested = new Set<string>();
    const mentorInterested = new Set<string>();
    for (const r of rows) {
      const key = `${r.organization_id}:${r.mentor_id}`;
      if (r.interest === MatchInterest.NOT_INTERESTED) excluded.add(key);
      else if (r.side === InterestSide.ORGANIZATION) orgInterested.add(key);
      else mentorInterested.add(key);
    }
    return { excluded, orgInterested, mentorInterested };
  }
}
