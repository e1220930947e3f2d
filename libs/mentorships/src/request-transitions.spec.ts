import { type Actor, ErrorCode, Role } from '@app/common';
import { RequestStatus } from './mentorship.entities';
import { DECISIONS, type Decision, canMove, decidableFrom, decisionRefusal } from './request-transitions';

const STATUSES = Object.values(RequestStatus);
const DECIDED = STATUSES.filter((s): s is Decision => s !== RequestStatus.PENDING);

describe('request transitions: decided once', () => {
  it.each(STATUSES.flatMap((from) => DECIDED.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(from === RequestStatus.PENDING);
  });

  it('guards every conditional update with PENDING only', () => {
    for (const to of DECIDED) expect(decidableFrom(to)).toEqual([RequestStatus.PENDING]);
  });

  it('has a rule for every decision, and none for PENDING', () => {
    expect(Object.keys(DECISIONS).sort()).toEqual([...DECIDED].sort());
  });
});

const actor = (userId: string, roles: Role[], managedEconomies: string[] = []): Actor =>
  ({ userId, roles, managedEconomies }) as unknown as Actor;
const parties = { ownerId: 'owner', mentorUserId: 'mentor', economy: 'TH' };
const owner = actor('owner', [Role.MSME_OWNER]);
const mentor = actor('mentor', [Role.MENTOR]);
const manager = actor('pm', [Role.PROGRAM_MANAGER], ['TH']);
const otherManager = actor('pm2', [Role.PROGRAM_MANAGER], ['JP']);
const admin = actor('admin', [Role.ADMIN]);
const stranger = actor('x', [Role.MENTOR]);
const { NOT_FOUND, FORBIDDEN } = ErrorCode;

/** Who tries which decision, and what they are answered (null: they may). */
const WHO_DECIDES: Array<[string, Actor, Decision, ErrorCode | null]> = [
  ['the mentor accepts', mentor, RequestStatus.ACCEPTED, null],
  ['the mentor declines', mentor, RequestStatus.DECLINED, null],
  ['the mentor may not cancel', mentor, RequestStatus.CANCELLED, FORBIDDEN],
  ['the owner cancels', owner, RequestStatus.CANCELLED, null],
  ['the owner may not accept', owner, RequestStatus.ACCEPTED, FORBIDDEN],
  ['a program manager of the economy sees but may not accept', manager, RequestStatus.ACCEPTED, FORBIDDEN],
  ['a program manager of the economy may not cancel', manager, RequestStatus.CANCELLED, FORBIDDEN],
  ['an admin sees but may not decline', admin, RequestStatus.DECLINED, FORBIDDEN],
  ['a program manager of another economy does not see it', otherManager, RequestStatus.CANCELLED, NOT_FOUND],
  ['a stranger does not see it', stranger, RequestStatus.ACCEPTED, NOT_FOUND],
  ['nobody expires a request by hand', owner, RequestStatus.EXPIRED, FORBIDDEN],
  ['nobody withdraws a request by hand', mentor, RequestStatus.WITHDRAWN, FORBIDDEN],
];

describe('who decides a request', () => {
  it.each(WHO_DECIDES)('%s', (_name, who, to, code) => {
    expect(decisionRefusal(who, parties, to)?.code ?? null).toBe(code);
  });

  it('tells the other side of each decision', () => {
    expect(
      Object.fromEntries(Object.entries(DECISIONS).map(([to, rule]) => [to, [rule.by, rule.tells]])),
    ).toEqual({
      ACCEPTED: ['mentor', 'owner'],
      DECLINED: ['mentor', 'owner'],
      CANCELLED: ['owner', 'mentor'],
      EXPIRED: ['platform', 'owner'],
      WITHDRAWN: ['platform', 'mentor'],
    });
  });
});
