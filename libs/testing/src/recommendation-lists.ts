import type { DataSource } from 'typeorm';
import { scoreMatch, scoredMentor, scoredOrganization } from '@app/matching';
import { ProfileSnapshotsService } from '@app/profiles';

/** Lists as `owner id → ["other id:score", ...]`, best first: easy to diff in a failing test. */
export type Lists = Record<string, string[]>;
export interface AllLists {
  organizations: Lists;
  mentors: Lists;
}

/**
 * The lists straight from the definition: every pair scored with scoreMatch, sorted by score
 * then id, cut at k. Organisations' lists hold only mentors taking requests.
 */
export async function referenceLists(dataSource: DataSource, k: number): Promise<AllLists> {
  const snapshots = new ProfileSnapshotsService(dataSource);
  const orgs = await snapshots.organizations({ all: true });
  const mentors = await snapshots.mentors({ all: true });
  const organizations: Lists = {};
  const byMentor = new Map<string, Array<{ id: string; score: number }>>(mentors.map((m) => [m.id, []]));
  for (const o of orgs) {
    const row: Array<{ id: string; score: number }> = [];
    for (const m of mentors) {
      const s = scoreMatch(scoredOrganization(o), scoredMentor(m));
      if (!s) continue;
      byMentor.get(m.id)!.push({ id: o.id, score: s.score });
      if (m.available) row.push({ id: m.id, score: s.score });
    }
    organizations[o.id] = cut(row, k);
  }
  const mentorLists: Lists = {};
  for (const [id, row] of byMentor) mentorLists[id] = cut(row, k);
  return { organizations, mentors: mentorLists };
}

const cut = (row: Array<{ id: string; score: number }>, k: number): string[] =>
  row
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, k)
    .map((e) => `${e.id}:${e.score}`);

/** What is stored, in the same shape (lists of every profile that exists, empty if none). */
export async function storedLists(dataSource: DataSource): Promise<AllLists> {
  const read = async (owners: string, entries: string, owner: string, other: string): Promise<Lists> => {
    const lists: Lists = {};
    for (const { id } of await dataSource.query(`SELECT id FROM ${owners}`)) lists[id] = [];
    const rows: Array<{ owner: string; other: string; score: number }> = await dataSource.query(
      `SELECT ${owner} AS owner, ${other} AS other, score FROM ${entries} ORDER BY ${owner}, score DESC, ${other}`,
    );
    for (const r of rows) (lists[r.owner] ??= []).push(`${r.other}:${Number(r.score)}`);
    return lists;
  };
  return {
    organizations: await read(
      'organizations',
      'organization_recommendations',
      'organization_id',
      'mentor_id',
    ),
    mentors: await read('mentor_profiles', 'mentor_recommendations', 'mentor_id', 'organization_id'),
  };
}

/** Every list header agrees with its entries (size and worst entry). */
export async function inconsistentHeaders(dataSource: DataSource): Promise<string[]> {
  const check = async (lists: string, entries: string, owner: string, other: string): Promise<string[]> => {
    const rows: Array<{ owner: string }> = await dataSource.query(
      `SELECT l.${owner} AS owner FROM ${lists} l
         LEFT JOIN LATERAL (
           SELECT count(*) OVER () AS n, score, ${other} AS other FROM ${entries} e
            WHERE e.${owner} = l.${owner} ORDER BY score ASC, ${other} DESC LIMIT 1) w ON true
        WHERE l.size <> coalesce(w.n, 0) OR l.worst_score IS DISTINCT FROM w.score
           OR l.worst_id IS DISTINCT FROM w.other`,
    );
    return rows.map((r) => `${lists}:${r.owner}`);
  };
  return [
    ...(await check(
      'organization_recommendation_lists',
      'organization_recommendations',
      'organization_id',
      'mentor_id',
    )),
    ...(await check('mentor_recommendation_lists', 'mentor_recommendations', 'mentor_id', 'organization_id')),
  ];
}
