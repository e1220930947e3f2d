import { DAY_MS, outcomeSurveyJobs, requestExpiresAt, requestJobs } from './request-schedule';

const NOW = Date.UTC(2030, 0, 15);
const at = (days: number) => new Date(NOW + days * DAY_MS);
const request = (id: string, sentDaysAgo: number, expiresInDays: number, reminded = false) => ({
  id,
  createdAt: at(-sentDaysAgo),
  expiresAt: at(expiresInDays),
  remindedAt: reminded ? at(-1) : null,
});

/** A request; when its expiry and reminder are due, in days from now (null: no reminder). */
const CASES: Array<[string, ReturnType<typeof request>, number, number | null]> = [
  ['just sent', request('a', 0, 14), 14, 3],
  ['sent two days ago', request('b', 2, 12), 12, 1],
  ['its reminder is overdue: at once', request('c', 5, 9), 9, 0],
  ['already reminded: none again', request('d', 5, 9, true), 9, null],
  ['its expiry is due: it expires, no reminder', request('e', 20, -6), 0, null],
  ['the reminder would come after the expiry: none', request('f', 0, 2), 2, null],
  ['the reminder would come with the expiry: none', request('g', 0, 3), 3, null],
];

describe('the schedule of a request', () => {
  it.each(CASES)('%s', (_name, r, expireIn, remindIn) => {
    const { expire, remind } = requestJobs([r], { now: NOW, reminderDays: 3 });
    expect(expire).toEqual([{ id: r.id, jobId: `request-expire-${r.id}`, delayMs: expireIn * DAY_MS }]);
    expect(remind).toEqual(
      remindIn === null ? [] : [{ id: r.id, jobId: `request-remind-${r.id}`, delayMs: remindIn * DAY_MS }],
    );
  });

  it('expires a request sent now after the days configured', () => {
    expect(requestExpiresAt(NOW, 14)).toEqual(at(14));
  });

  it('asks for outcomes the days configured after the start, at once if that has passed', () => {
    expect(
      outcomeSurveyJobs(
        [
          { id: 'new', startedAt: at(0) },
          { id: 'old', startedAt: at(-200) },
        ],
        { now: NOW, surveyDays: 182 },
      ),
    ).toEqual([
      { id: 'new', jobId: 'outcome-survey-new', delayMs: 182 * DAY_MS },
      { id: 'old', jobId: 'outcome-survey-old', delayMs: 0 },
    ]);
  });
});
