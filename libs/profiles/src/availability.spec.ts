import { PGlite } from '@electric-sql/pglite';
import {
  isOpenToRequests,
  openToRequestsSql,
  placesLeft,
  placesLeftSql,
  type MentorPlaces,
} from './availability';

const CASES: Array<[string, MentorPlaces, boolean, number]> = [
  ['taking requests, places left', { acceptingRequests: true, capacity: 3, activeMentorships: 1 }, true, 2],
  ['taking requests, full', { acceptingRequests: true, capacity: 3, activeMentorships: 3 }, false, 0],
  [
    'not taking requests, places left',
    { acceptingRequests: false, capacity: 3, activeMentorships: 0 },
    false,
    0,
  ],
  ['not taking requests, full', { acceptingRequests: false, capacity: 1, activeMentorships: 1 }, false, 0],
  ['taking requests, none running', { acceptingRequests: true, capacity: 1, activeMentorships: 0 }, true, 1],
];

describe('open to requests: one rule, as a predicate and as SQL', () => {
  it.each(CASES)('%s', (_name, mentor, open, places) => {
    expect(isOpenToRequests(mentor)).toBe(open);
    expect(placesLeft(mentor)).toBe(places);
  });

  it('gives the same answers in SQL', async () => {
    const db = new PGlite();
    try {
      await db.exec(
        `CREATE TABLE m (id int, accepting_requests boolean, capacity int, active_mentorships int)`,
      );
      for (const [i, [, mentor]] of CASES.entries()) {
        await db.query(`INSERT INTO m VALUES ($1, $2, $3, $4)`, [
          i,
          mentor.acceptingRequests,
          mentor.capacity,
          mentor.activeMentorships,
        ]);
      }
      const { rows } = await db.query<{ open: boolean; places: number }>(
        `SELECT ${openToRequestsSql('x')} AS open, ${placesLeftSql('x')} AS places FROM m x ORDER BY id`,
      );
      expect(rows).toEqual(CASES.map(([, , open, places]) => ({ open, places })));
    } finally {
      await db.close();
    }
  });
});
