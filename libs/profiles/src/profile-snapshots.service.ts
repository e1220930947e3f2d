import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Pacer } from '@app/common';
import type { EconomyCode, Locality, TopicCode } from '@app/taxonomy';
import { openToRequestsSql } from './availability';
import type { Gender } from './mentor-profile.entity';
import { mentorSnapshot, type MentorSnapshot } from './mentor-snapshot';

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

/** Which profiles: all, an id range [from, to) with null for an open end, or a list of ids. */
export type ProfileScope = { all: true } | { from: string | null; to: string | null } | { ids: string[] };

/**
 * System reads of profile fields for matching, in id order (the order scores break ties in).
 * Callers have already decided the caller may see the result; nothing here is per user.
 */
@Injectable()
export class ProfileSnapshotsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `pacer`: turns rows into snapshots in slices (a full run reads whole sides; see Pacer). */
  async organizations(
    scope: ProfileScope,
    manager?: EntityManager,
    pacer?: Pacer,
  ): Promise<OrganizationSnapshot[]> {
    const [where, params] = scopeWhere(scope);
    const rows: Record<string, unknown>[] = await (manager ?? this.dataSource.manager).query(
      `SELECT id, isic_division, economy, locality, women_led, prefers_woman_mentor,
              ${codeList('needs')}, ${codeList('target_economies')}, ${codeList('languages')}
         FROM organizations ${where} ORDER BY id`,
      params,
    );
    return mapPaced(rows, pacer, (r) => ({
      id: r.id as string,
      isicDivision: r.isic_division as string,
      economy: r.economy as EconomyCode,
      locality: r.locality as Locality,
      womenLed: r.women_led as boolean,
      prefersWomanMentor: r.prefers_woman_mentor as boolean,
      needs: codes(r.needs) as TopicCode[],
      targetEconomies: codes(r.target_economies) as EconomyCode[],
      languages: codes(r.languages),
    }));
  }

  async mentors(scope: ProfileScope, manager?: EntityManager, pacer?: Pacer): Promise<MentorSnapshot[]> {
    const [where, params] = scopeWhere(scope, 'm.id');
    const rows: Record<string, unknown>[] = await (manager ?? this.dataSource.manager).query(
      `SELECT m.id, m.economy, ${codeList('expertise_sectors')}, ${codeList('expertise_topics')},
              ${codeList('economies')}, ${codeList('languages')}, m.gender,
              ${openToRequestsSql('m')} AS open_to_requests
         FROM mentor_profiles m ${where} ORDER BY m.id`,
      params,
    );
    return mapPaced(rows, pacer, (r) =>
      mentorSnapshot(
        {
          id: r.id as string,
          economy: r.economy as EconomyCode,
          expertiseSectors: codes(r.expertise_sectors),
          expertiseTopics: codes(r.expertise_topics) as TopicCode[],
          economies: codes(r.economies) as EconomyCode[],
          languages: codes(r.languages),
          gender: r.gender as Gender | null,
        },
        r.open_to_requests as boolean,
      ),
    );
  }

  /** Ids in order, for planning batches. */
  async ids(table: 'organizations' | 'mentor_profiles', manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT id FROM ${table} ORDER BY id`,
    );
    return rows.map((r) => r.id);
  }
}

/**
 * A code array column as comma-separated text: a full run reads every profile, and splitting
 * one string natively costs a fraction of parsing PostgreSQL's array syntax in JavaScript.
 * Codes (taxonomy and language codes, validated on input) never hold a comma.
 */
const codeList = (column: string): string => `array_to_string(${column}, ',') AS ${column}`;

const codes = (text: unknown): string[] => (text ? (text as string).split(',') : []);

async function mapPaced<R, T>(
  rows: readonly R[],
  pacer: Pacer | undefined,
  map: (row: R) => T,
): Promise<T[]> {
  if (!pacer) return rows.map(map);
  const out = new Array<T>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    out[i] = map(rows[i]);
    if (pacer.due()) await pacer.pause();
  }
  return out;
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
