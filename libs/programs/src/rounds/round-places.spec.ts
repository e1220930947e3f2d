import { overPlaces } from './round-places';

describe('overPlaces', () => {
  const organizations = [
    { id: 'a', places: 1, womenLed: false, nonMetropolitan: false, candidates: 3 },
    { id: 'b', places: 2, womenLed: false, nonMetropolitan: false, candidates: 3 },
  ];
  const mentors = [
    { id: 'm', places: 2 },
    { id: 'n', places: 1 },
  ];
  const p = (organizationId: string, mentorId: string) => ({ organizationId, mentorId });

  it.each([
    { name: 'no pairs', pairs: [], expected: null },
    { name: 'every side at most full', pairs: [p('a', 'm'), p('b', 'm'), p('b', 'n')], expected: null },
    {
      name: 'an organisation over its places',
      pairs: [p('a', 'm'), p('a', 'n')],
      expected: { kind: 'organization', id: 'a', pairs: 2, places: 1 },
    },
    {
      name: 'a mentor over its places',
      pairs: [p('a', 'n'), p('b', 'n')],
      expected: { kind: 'mentor', id: 'n', pairs: 2, places: 1 },
    },
    {
      name: 'a side the round does not know (no places)',
      pairs: [p('stranger', 'm')],
      expected: { kind: 'organization', id: 'stranger', pairs: 1, places: 0 },
    },
    {
      name: 'both over: the organisation is named first',
      pairs: [p('a', 'n'), p('a', 'n'), p('b', 'n')],
      expected: { kind: 'organization', id: 'a', pairs: 2, places: 1 },
    },
  ])('$name', ({ pairs, expected }) => {
    expect(overPlaces(organizations, mentors, pairs)).toEqual(expected);
  });
});
