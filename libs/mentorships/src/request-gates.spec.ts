import { MentorshipErrorCode } from './mentorship-error-code';
import { type GateFacts, firstFailedGate } from './request-gates';

const OWNER = 'owner';
const base: GateFacts = {
  organization: {
    ownerId: OWNER,
    languages: ['th', 'en'],
    openRequests: 0,
    activeMentorships: 0,
    mentorsWanted: 1,
  },
  mentor: { userId: 'mentor', languages: ['en'], acceptingRequests: true, capacity: 2, activeMentorships: 0 },
  pendingPair: false,
  openRequestLimit: 3,
};

const facts = (change: {
  organization?: Partial<GateFacts['organization']>;
  mentor?: Partial<GateFacts['mentor']>;
  pendingPair?: boolean;
}): GateFacts => ({
  ...base,
  organization: { ...base.organization, ...change.organization },
  mentor: { ...base.mentor, ...change.mentor },
  pendingPair: change.pendingPair ?? false,
});

const { MENTORS_WANTED_REACHED, NOT_ELIGIBLE, CAPACITY_FULL, DUPLICATE_REQUEST, TOO_MANY_OPEN_REQUESTS } =
  MentorshipErrorCode;

/** The facts, and the code of the first gate they fail (null: the request may go). */
const CASES: Array<[string, GateFacts, MentorshipErrorCode | null]> = [
  ['a pair that passes every gate', base, null],
  ['one shared language is enough', facts({ mentor: { languages: ['th'] } }), null],
  ['open requests one below the limit', facts({ organization: { openRequests: 2 } }), null],
  ['the mentor has one place left', facts({ mentor: { activeMentorships: 1 } }), null],
  [
    'one mentor running of two wanted',
    facts({ organization: { activeMentorships: 1, mentorsWanted: 2 } }),
    null,
  ],
  [
    'the organisation runs the one mentorship it wants',
    facts({ organization: { activeMentorships: 1 } }),
    MENTORS_WANTED_REACHED,
  ],
  [
    'the organisation runs more than it wants now (lowered since)',
    facts({ organization: { activeMentorships: 3, mentorsWanted: 2 } }),
    MENTORS_WANTED_REACHED,
  ],
  ['the mentor owns the organisation', facts({ mentor: { userId: OWNER } }), NOT_ELIGIBLE],
  ['no shared language', facts({ mentor: { languages: ['ja'] } }), NOT_ELIGIBLE],
  ['the mentor is not taking requests', facts({ mentor: { acceptingRequests: false } }), NOT_ELIGIBLE],
  ['the mentor is at capacity', facts({ mentor: { activeMentorships: 2 } }), CAPACITY_FULL],
  ['already an open request to this mentor', facts({ pendingPair: true }), DUPLICATE_REQUEST],
  [
    'the organisation has the most open requests',
    facts({ organization: { openRequests: 3 } }),
    TOO_MANY_OPEN_REQUESTS,
  ],
  // When several fail, the sender hears of the first, in this order.
  [
    'not taking requests and at capacity: not eligible',
    facts({ mentor: { acceptingRequests: false, activeMentorships: 2 } }),
    NOT_ELIGIBLE,
  ],
  [
    'at capacity and a duplicate: capacity',
    facts({ mentor: { activeMentorships: 2 }, pendingPair: true }),
    CAPACITY_FULL,
  ],
  [
    'a duplicate at the open limit: duplicate',
    facts({ pendingPair: true, organization: { openRequests: 3 } }),
    DUPLICATE_REQUEST,
  ],
  [
    'at its mentors wanted, to a mentor at capacity: mentors wanted',
    facts({ organization: { activeMentorships: 1 }, mentor: { activeMentorships: 2 } }),
    MENTORS_WANTED_REACHED,
  ],
  [
    'yourself, in no shared language: yourself',
    facts({ mentor: { userId: OWNER, languages: ['ja'] } }),
    NOT_ELIGIBLE,
  ],
];

describe('the gates of a request', () => {
  it.each(CASES)('%s', (_name, f, code) => {
    expect(firstFailedGate(f)?.code ?? null).toBe(code);
  });

  it('says why, and tells the limit of open requests', () => {
    expect(firstFailedGate(facts({ mentor: { languages: ['ja'] } }))?.message).toMatch(/share no language/);
    expect(firstFailedGate(facts({ organization: { openRequests: 3 } }))).toMatchObject({
      details: { limit: 3 },
    });
    expect(
      firstFailedGate(facts({ organization: { activeMentorships: 2, mentorsWanted: 2 } })),
    ).toMatchObject({
      message: expect.stringContaining('2 mentorships'),
      details: { mentorsWanted: 2 },
    });
  });
});
