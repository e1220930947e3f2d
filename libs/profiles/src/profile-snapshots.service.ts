import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { EconomyCode, Locality, TopicCode } from '@app/taxonomy';

/** The fields of an organisation that matching reads. */
export interface OrganizationSnapshot {
  id: string;
  isicDivision: string;
  economy: EconomyCode;
  locality: Locality;
  womenLed: boolean;
  prefersWomanMentor: boolean;
  needs: TopicCode[];
  targetEconomies: EconomyCode[];
  languages: string[];
}

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
  /** Open to new requests: accepting them, with capacity left. */
  available: boolean;
}

/** Which profiles: all, an id range [from, to) with null for an open end, or a list of ids. */
export type ProfileScope = { all: true } | { from: string | null; to: string | null } | { ids: string[] };

/**
 * System reads of profile fields for matching, in id order (the order scores break ties in).
 * Callers have already decided the caller may see the result; nothing here is per user.
 */
@Injectable()
export class ProfileSnapshotsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async organizations(scope: ProfileScope, manager?: EntityManager): Promise<OrganizationSnapshot[]> {
    const [where, params] = scopeWhere(scope);
    const rows: Record<string, unknown>[] = await (manager ?? this.dataSource.manager).query(
      `SELECT id, isic_division, economy, locality, women_led, prefers_woman_mentor, needs,
              target_economies, languages
         FROM organizations ${where} ORDER BY id`,
      params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      isicDivision: r.isic_division as string,
      economy: r.economy as EconomyCode,
      locality: r.locality as Locality,
      womenLed: r.women_led as boolean,
      prefersWomanMentor: r.prefers_woman_mentor as boolean,
      needs: r.needs as TopicCode[],
      targetEconomies: r.target_economies as EconomyCode[],
      languages: r.languages as string[],
    }));
  }

  async mentors(scope: ProfileScope, manager?: EntityManager): Promise<MentorSnapshot[]> {
    const [where, params] = scopeWhere(scope);
    const rows: Record<string, unknown>[] = await (manager ?? this.dataSource.manager).query(
      `SELECT id, economy, expertise_sectors, expertise_topics, economies, languages, gender,
              accepting_requests, capacity
         FROM mentor_profiles ${where} ORDER BY id`,
      params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      economy: r.economy as EconomyCode,
      expertiseSectors: r.expertise_sectors as string[],
      expertiseTopics: r.expertise_topics as TopicCode[],
      economies: r.economies as EconomyCode[],
      languages: r.languages as string[],
      isWoman: r.gender === 'WOMAN',
      // Capacity in use arrives with mentorships; until then a profile with capacity is open.
      available: (r.accepting_requests as boolean) && Number(r.capacity) > 0,
    }));
  }

  /** Ids in order, for planning batches. */
  async ids(table: 'organizations' | 'mentor_profiles', manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT id FROM ${table} ORDER BY id`,
    );
    return rows.map((r) => r.id);
  }
}

/** A WHERE clause (or '') selecting `column` values in the scope, with its parameters. */
export function scopeWhere(scope: ProfileScope, column = 'id'): [string, unknown[]] {
  if ('all' in scope) return ['', []];
  if ('ids' in scope) return [`WHERE ${column} = ANY($1::uuid[])`, [scope.ids]];
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (scope.from !== null) clauses.push(`${column} >= $${params.push(scope.from)}`);
  if (scope.to !== null) clauses.push(`${column} < $${params.push(scope.to)}`);
  return [clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params];
}
