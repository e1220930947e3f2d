import type { MentorPlaces } from './availability';
import { Gender } from './mentor-profile.entity';
import { mentorSnapshot, mentorSnapshotOf, type MentorSnapshotFields } from './mentor-snapshot';

const FIELDS: MentorSnapshotFields = {
  id: '00000000-0000-4000-8000-000000000001',
  economy: 'TH',
  expertiseSectors: ['C', '10'],
  expertiseTopics: ['EXPORT'],
  economies: ['TH', 'VN'],
  languages: ['th', 'en'],
  gender: Gender.WOMAN,
};

describe('mentorSnapshotOf: a mentor view as matching scores it', () => {
  it.each<[string, boolean, MentorPlaces]>([
    [
      'taking requests with places left',
      true,
      { acceptingRequests: true, capacity: 3, activeMentorships: 2 },
    ],
    // Recommendations once took `acceptingRequests` alone: a full mentor showed as available.
    [
      'taking requests but at capacity',
      false,
      { acceptingRequests: true, capacity: 3, activeMentorships: 3 },
    ],
    ['not taking requests', false, { acceptingRequests: false, capacity: 3, activeMentorships: 0 }],
  ])('%s: available is %s', (_case, available, places) => {
    expect(mentorSnapshotOf({ ...FIELDS, ...places }).available).toBe(available);
  });

  it('keeps what scoring reads, and only that', () => {
    const view = { ...FIELDS, acceptingRequests: true, capacity: 2, activeMentorships: 0, headline: 'x' };
    expect(mentorSnapshotOf(view)).toEqual({
      id: FIELDS.id,
      economy: 'TH',
      expertiseSectors: ['C', '10'],
      expertiseTopics: ['EXPORT'],
      economies: ['TH', 'VN'],
      languages: ['th', 'en'],
      isWoman: true,
      available: true,
    });
  });

  it.each([
    [Gender.WOMAN, true],
    [Gender.MAN, false],
    [Gender.NON_BINARY, false],
    [Gender.PREFER_NOT_TO_SAY, false],
    [null, false],
  ])('gender %s: isWoman %s', (gender, isWoman) => {
    expect(mentorSnapshot({ ...FIELDS, gender }, true).isWoman).toBe(isWoman);
  });
});
