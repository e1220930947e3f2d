import { roundCsvs } from './round-export';

describe('roundCsvs', () => {
  const organizations = [
    { id: 'o2', places: 0, womenLed: false, nonMetropolitan: true, candidates: 0 },
    { id: 'o1', places: 2, womenLed: true, nonMetropolitan: false, candidates: 2 },
  ];
  const mentors = [
    { id: 'm2', places: 1 },
    { id: 'm1', places: 3 },
  ];
  const candidates = [
    { organizationId: 'o1', mentorId: 'm2', score: 71, assigned: true },
    { organizationId: 'o1', mentorId: 'm1', score: 40, assigned: false },
  ];

  it.each([
    {
      name: 'candidatesCsv',
      expected: 'organization_id,mentor_id,score,assigned\no1,m2,71,1\no1,m1,40,0',
    },
    {
      name: 'organizationsCsv',
      expected: 'organization_id,max_mentors,women_led,non_metropolitan\no1,2,1,0\no2,0,0,1',
    },
    { name: 'mentorsCsv', expected: 'mentor_id,capacity\nm1,3\nm2,1' },
  ] as const)('writes $name from what the round stored, sides in id order', ({ name, expected }) => {
    expect(roundCsvs(candidates, organizations, mentors)[name]).toBe(expected);
  });

  it('writes the headers alone for an empty round', () => {
    expect(roundCsvs([], [], [])).toEqual({
      candidatesCsv: 'organization_id,mentor_id,score,assigned',
      organizationsCsv: 'organization_id,max_mentors,women_led,non_metropolitan',
      mentorsCsv: 'mentor_id,capacity',
    });
  });
});
