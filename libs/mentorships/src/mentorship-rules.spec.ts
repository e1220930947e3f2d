import { type Actor, ErrorCode, Role } from '@app/common';
import { FeedbackSide, OutcomeKind } from './mentorship-records.entities';
import {
  type OutcomeInput,
  checkedOutcomes,
  finishRefusal,
  managesEconomy,
  ownSide,
  partyRole,
  revealedFeedback,
  sessionDayAllowed,
} from './mentorship-rules';
import { DAY_MS } from './request-schedule';

const actor = (userId: string, roles: Role[], managedEconomies: string[] = []): Actor =>
  ({ userId, roles, managedEconomies }) as unknown as Actor;
const parties = { ownerId: 'owner', mentorUserId: 'mentor', economy: 'TH' };
const owner = actor('owner', [Role.MSME_OWNER]);
const mentor = actor('mentor', [Role.MENTOR]);
const manager = actor('pm', [Role.PROGRAM_MANAGER], ['TH']);
const otherManager = actor('pm2', [Role.PROGRAM_MANAGER], ['JP']);
const admin = actor('admin', [Role.ADMIN]);
const stranger = actor('x', [Role.MSME_OWNER]);

/** Who, their part, whether they may finish it, their own feedback side, whether they feature outcomes. */
const WHO: Array<[string, Actor, string | null, ErrorCode | null, FeedbackSide | null, boolean]> = [
  ['the owner', owner, 'owner', null, FeedbackSide.ORGANIZATION, false],
  ['the mentor', mentor, 'mentor', null, FeedbackSide.MENTOR, false],
  ['a program manager of the economy', manager, 'manager', ErrorCode.FORBIDDEN, null, true],
  ['an admin', admin, 'manager', null, null, true],
  ['a program manager of another economy', otherManager, null, ErrorCode.NOT_FOUND, null, false],
  ['a stranger', stranger, null, ErrorCode.NOT_FOUND, null, false],
];

describe('who does what in a mentorship', () => {
  it.each(WHO)('%s', (_name, who, role, finish, side, features) => {
    expect(partyRole(who, parties)).toBe(role);
    expect(finishRefusal(who, parties)?.code ?? null).toBe(finish);
    expect(ownSide(who, parties)).toBe(side);
    expect(managesEconomy(who, parties.economy)).toBe(features);
  });

  it('treats an unowned organisation’s mentorship as nobody’s but its mentor’s and managers’', () => {
    expect(partyRole(stranger, { ...parties, ownerId: null })).toBeNull();
  });
});

const NOW = Date.UTC(2030, 5, 1, 12);
const ORG = { side: FeedbackSide.ORGANIZATION };
const MENTOR = { side: FeedbackSide.MENTOR };

/** The feedback given, the reader's side, when it ended (days ago), and the sides they read. */
const REVEAL: Array<
  [string, Array<{ side: FeedbackSide }>, FeedbackSide | null, number | null, FeedbackSide[]]
> = [
  [
    'their own only, the other has not answered',
    [ORG],
    FeedbackSide.ORGANIZATION,
    1,
    [FeedbackSide.ORGANIZATION],
  ],
  ['nothing of the other side’s yet', [MENTOR], FeedbackSide.ORGANIZATION, 1, []],
  [
    'both, once both answered',
    [ORG, MENTOR],
    FeedbackSide.MENTOR,
    1,
    [FeedbackSide.ORGANIZATION, FeedbackSide.MENTOR],
  ],
  ['the other side’s 14 days after the end', [MENTOR], FeedbackSide.ORGANIZATION, 14, [FeedbackSide.MENTOR]],
  ['not a day before', [MENTOR], FeedbackSide.ORGANIZATION, 13.9, []],
  ['managers read everything', [MENTOR], null, 0, [FeedbackSide.MENTOR]],
  ['no end date yet: only their own', [MENTOR], FeedbackSide.ORGANIZATION, null, []],
];

describe('feedback revealed', () => {
  it.each(REVEAL)('%s', (_name, all, own, endedDaysAgo, seen) => {
    const ended = endedDaysAgo === null ? null : new Date(NOW - endedDaysAgo * DAY_MS);
    expect(revealedFeedback(all, own, ended, NOW).map((f) => f.side)).toEqual(seen);
  });
});

describe('session days', () => {
  const started = new Date(Date.UTC(2030, 4, 10, 15));
  it.each([
    ['the day it started', '2030-05-10', true],
    ['the day before it started', '2030-05-09', false],
    ['today', '2030-06-01', true],
    ['tomorrow (time zones east of UTC)', '2030-06-02', true],
    ['the day after tomorrow', '2030-06-03', false],
  ])('%s', (_name, day, allowed) => {
    expect(sessionDayAllowed(day, started, NOW)).toBe(allowed);
  });
});

describe('outcomes reported', () => {
  const { EXPORT_STARTED, FINANCING, JOBS_CREATED, NONE, PARTNERSHIP } = OutcomeKind;
  it.each<[string, OutcomeInput[]]>([
    ['none at all', []],
    ['a kind twice', [{ kind: PARTNERSHIP }, { kind: PARTNERSHIP }]],
    ['NONE with another', [{ kind: NONE }, { kind: PARTNERSHIP }]],
    ['exports without economies', [{ kind: EXPORT_STARTED }]],
    ['exports to an unknown economy', [{ kind: EXPORT_STARTED, economies: ['XX'] }]],
    ['economies on another kind', [{ kind: PARTNERSHIP, economies: ['JP'] }]],
    ['financing without a band', [{ kind: FINANCING }]],
    ['a count on another kind', [{ kind: PARTNERSHIP, jobsCreated: 3 }]],
    ['jobs without a count', [{ kind: JOBS_CREATED }]],
    ['no jobs created', [{ kind: JOBS_CREATED, jobsCreated: 0 }]],
    ['half a job', [{ kind: JOBS_CREATED, jobsCreated: 1.5 }]],
    ['a note too long', [{ kind: NONE, note: 'x'.repeat(4001) }]],
  ])('refuses %s', (_name, outcomes) => {
    expect(() => checkedOutcomes(outcomes)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('keeps each kind with exactly its details, economies once each, notes trimmed', () => {
    expect(
      checkedOutcomes([
        { kind: EXPORT_STARTED, economies: ['JP', 'SG', 'JP'], note: ' First order ' },
        { kind: JOBS_CREATED, jobsCreated: 4 },
      ]),
    ).toEqual([
      {
        kind: EXPORT_STARTED,
        economies: ['JP', 'SG'],
        financingBand: null,
        jobsCreated: null,
        note: 'First order',
      },
      { kind: JOBS_CREATED, economies: [], financingBand: null, jobsCreated: 4, note: '' },
    ]);
    expect(checkedOutcomes([{ kind: NONE }])).toEqual([
      { kind: NONE, economies: [], financingBand: null, jobsCreated: null, note: '' },
    ]);
  });
});
