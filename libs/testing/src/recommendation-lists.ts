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
  const read = async (owners: string, table: string, owner: string): Promise<Lists> => {
    const lists: Lists = {};
    for (const { id } of await dataSource.query(`SELECT id FROM ${owners}`)) lists[id] = [];
    const rows: Array<{ owner: string; candidate_ids: string[]; scores: number[] }> = await dataSource.query(
      `SELECT ${owner} AS owner, candidate_ids, scores FROM ${table}`,
    );
    for (const r of rows) lists[r.owner] = r.candidate_ids.map((id, i) => `${id}:${Number(r.scores[i])}`);
    return lists;
  };
  return {
    organizations: await read('organizations', 'organization_recommendations', 'organization_id'),
    mentors: await read('mentor_profiles', 'mentor_recommendations', 'mentor_id'),
  };
}

/** Lists whose stored size or worst entry disagrees with their entries. */
export async function inconsistentHeaders(dataSource: DataSource): Promise<string[]> {
  const check = async (table: string, owner: string): Promise<string[]> => {
    const rows: Array<{ owner: string }> = await dataSource.query(
      `SELECT ${owner} AS owner FROM ${table}
        WHERE size <> cardinality(scores)
           OR worst_score IS DISTINCT FROM scores[cardinality(scores)]
           OR worst_id IS DISTINCT FROM candidate_ids[cardinality(candidate_ids)]`,
    );
    return rows.map((r) => `${table}:${r.owner}`);
  };
  return [
    ...(await check('organization_recommendations', 'organization_id')),
    ...(await check('mentor_recommendations', 'mentor_id')),
  ];
}
