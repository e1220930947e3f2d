import { PGlite } from '@electric-sql/pglite';
import { type Actor, Role } from '@app/common';
import { bindPositional, canSeeOrganization, organizationVisibleSql } from './organization-visibility';
import { wantsMoreMentors, wantsMoreMentorsSql } from './request-places';

const OWNER = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const actor = (userId: string, roles: Role[], managedEconomies: string[] = []): Actor =>
  ({ userId, roles, managedEconomies }) as unknown as Actor;

const ORGS = [
  { ownerId: OWNER, economy: 'TH' },
  { ownerId: null, economy: 'TH' },
  { ownerId: OTHER, economy: 'JP' },
];

/** Who sees which of ORGS. */
const CASES: Array<[string, Actor, boolean[]]> = [
  ['the owner, their own', actor(OWNER, [Role.MSME_OWNER]), [true, false, false]],
  ['another owner, theirs only', actor(OTHER, [Role.MSME_OWNER]), [false, false, true]],
  ['a mentor, none', actor('00000000-0000-4000-8000-000000000003', [Role.MENTOR]), [false, false, false]],
  [
    'a program manager of TH, the TH ones',
    actor('00000000-0000-4000-8000-000000000004', [Role.PROGRAM_MANAGER], ['TH']),
    [true, true, false],
  ],
  [
    'a program manager of none, none',
    actor('00000000-0000-4000-8000-000000000005', [Role.PROGRAM_MANAGER]),
    [false, false, false],
  ],
  ['an admin, all', actor('00000000-0000-4000-8000-000000000006', [Role.ADMIN]), [true, true, true]],
  [
    'an owner who manages JP too, theirs and JP',
    actor(OWNER, [Role.MSME_OWNER, Role.PROGRAM_MANAGER], ['JP']),
    [true, false, true],
  ],
];

describe('who sees an organisation: one rule, as a predicate and as SQL', () => {
  it.each(CASES)('%s', (_name, who, sees) => {
    expect(ORGS.map((o) => canSeeOrganization(who, o))).toEqual(sees);
  });

  it('gives the same answers in SQL, and the places rule too', async () => {
    const db = new PGlite();
    try {
      await db.exec(
        `CREATE TABLE o (id int, owner_id uuid, economy text, active_mentorships int, mentors_wanted int)`,
      );
      const counts = [
        [0, 1],
        [1, 1],
        [2, 1],
      ];
      for (const [i, o] of ORGS.entries()) {
        await db.query(`INSERT INTO o VALUES ($1, $2, $3, $4, $5)`, [i, o.ownerId, o.economy, ...counts[i]]);
      }
      for (const [, who, sees] of CASES) {
        const params: unknown[] = [];
        const where = organizationVisibleSql('x', who, bindPositional(params));
        const { rows } = await db.query<{ visible: boolean }>(
          `SELECT coalesce(${where}, false) AS visible FROM o x ORDER BY id`,
          params,
        );
        expect(rows.map((r) => r.visible)).toEqual(sees);
      }
      const { rows } = await db.query<{ wants: boolean }>(
        `SELECT ${wantsMoreMentorsSql('x')} AS wants FROM o x ORDER BY id`,
      );
      expect(rows.map((r) => r.wants)).toEqual(
        counts.map(([activeMentorships, mentorsWanted]) =>
          wantsMoreMentors({ activeMentorships, mentorsWanted }),
        ),
      );
      expect(rows.map((r) => r.wants)).toEqual([true, false, false]);
    } finally {
      await db.close();
    }
  });
});
