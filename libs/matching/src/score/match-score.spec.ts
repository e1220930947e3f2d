import fc from 'fast-check';
import { ECONOMY_CODES, ISIC_DIVISIONS, ISIC_SECTIONS, Locality, TOPIC_CODES } from '@app/taxonomy';
import {
  DEFAULT_WEIGHTS,
  SCORING_ENGINE_VERSION,
  ScoreComponentCode,
  ratio,
  scoreMatch,
  share,
  validateWeights,
  type ScoredMentor,
  type ScoredOrganization,
} from './match-score';

const org = (o: Partial<ScoredOrganization> = {}): ScoredOrganization => ({
  isicDivision: '10',
  economy: 'TH',
  locality: Locality.METROPOLITAN,
  womenLed: false,
  needs: ['EXPORT', 'E_COMMERCE'],
  targetEconomies: ['JP', 'SG'],
  languages: ['th', 'en'],
  ...o,
});

const mentor = (m: Partial<ScoredMentor> = {}): ScoredMentor => ({
  expertiseSectors: [],
  expertiseTopics: [],
  economy: 'AU',
  economies: ['AU'],
  languages: ['en'],
  ...m,
});

const points = (o: ScoredOrganization, m: ScoredMentor, code: ScoreComponentCode): number =>
  scoreMatch(o, m)!.breakdown.find((c) => c.code === code)!.points;

describe('scoreMatch', () => {
  it('has a component per criterion whose maximums add up to 100, with the engine version', () => {
    const result = scoreMatch(org(), mentor())!;
    expect(result.breakdown.map((c) => c.code)).toEqual([
      'SECTOR',
      'ECONOMY',
      'INTERNATIONALIZATION',
      'WOMEN_LED',
      'TOPICS',
      'LOCALITY',
    ]);
    expect(result.breakdown.reduce((s, c) => s + c.maxPoints, 0)).toBe(100);
    expect(result.engineVersion).toBe(SCORING_ENGINE_VERSION);
  });

  it('is null without a shared language (hard gate), whatever else matches', () => {
    const perfect = mentor({
      expertiseSectors: ['10'],
      expertiseTopics: ['EXPORT', 'E_COMMERCE'],
      economy: 'TH',
      economies: ['TH', 'JP', 'SG'],
      languages: ['ja'],
    });
    expect(scoreMatch(org(), perfect)).toBeNull();
    expect(scoreMatch(org(), { ...perfect, languages: ['ja', 'th'] })).not.toBeNull();
  });

  it.each([
    // mentor sectors, points, reason
    [['10'], 25, 'Same ISIC division 10 — Manufacture of food products'],
    [['C'], 15, 'Same ISIC section C — Manufacturing'],
    [['11'], 15, 'Same ISIC section C — Manufacturing'],
    [['A', '62'], 0, 'No experience in your ISIC section'],
    [[], 0, 'No experience in your ISIC section'],
  ])('SECTOR: mentor knows %p → %p points (%s)', (sectors, expected, reason) => {
    const c = scoreMatch(org(), mentor({ expertiseSectors: sectors }))!.breakdown[0];
    expect(c).toEqual({ code: 'SECTOR', points: expected, maxPoints: 25, reason });
  });

  it.each([
    ['TH', ['TH'], 10, 'Based in Thailand: knows its rules, markets and institutions'],
    ['AU', ['AU', 'TH'], 7, 'Has worked in Thailand'],
    ['AU', ['AU'], 0, 'No experience in Thailand'],
  ] as const)('ECONOMY: mentor in %p, worked in %p → %p', (home, worked, expected, reason) => {
    const c = scoreMatch(org(), mentor({ economy: home, economies: [...worked] }))!.breakdown[1];
    expect(c).toMatchObject({ points: expected, maxPoints: 10, reason });
  });

  it.each([
    [['JP'], ['JP', 'SG'], 10, 'Has worked in Japan, one of your target markets'],
    [['JP', 'SG'], ['JP', 'SG'], 20, 'Has worked in Japan and Singapore, 2 of your 2 target markets'],
    [['VN'], ['JP', 'SG'], 0, 'No experience in your target markets'],
    [['JP'], [], 0, 'No target export markets given'],
    [['JP'], ['JP', 'SG', 'VN'], 7, 'Has worked in Japan, one of your target markets'],
  ] as const)('INTERNATIONALIZATION: worked in %p, targets %p → %p', (worked, targets, expected, reason) => {
    const c = scoreMatch(org({ targetEconomies: [...targets] }), mentor({ economies: [...worked] }))!
      .breakdown[2];
    expect(c).toMatchObject({ points: expected, maxPoints: 20, reason });
  });

  it.each([
    [true, false, false, 10, 'Priority for women-led organisations'],
    [false, false, false, 0, 'Not a women-led organisation'],
    [false, true, true, 10, 'A woman mentor, as you asked'],
    [true, true, false, 0, 'You asked for a woman mentor'],
  ])(
    'WOMEN_LED: women-led %p, asks for a woman %p, mentor a woman %p → %p',
    (led, asks, isWoman, expected, reason) => {
      const c = scoreMatch(org({ womenLed: led, prefersWomanMentor: asks }), mentor({ isWoman }))!
        .breakdown[3];
      expect(c).toMatchObject({ points: expected, maxPoints: 10, reason });
    },
  );

  it.each([
    [
      ['EXPORT', 'E_COMMERCE'],
      ['EXPORT', 'E_COMMERCE', 'FINANCE'],
      25,
      'Covers 2 of your 2 needs: export and internationalisation and e-commerce',
    ],
    [['EXPORT', 'E_COMMERCE'], ['EXPORT'], 13, 'Covers 1 of your 2 needs: export and internationalisation'],
    [
      ['EXPORT', 'E_COMMERCE', 'FINANCE'],
      ['EXPORT'],
      8,
      'Covers 1 of your 3 needs: export and internationalisation',
    ],
    [['EXPORT'], ['FINANCE'], 0, 'None of your needs among the mentor’s topics'],
    [[], ['FINANCE'], 0, 'No needs given'],
  ] as const)('TOPICS: needs %p, mentor topics %p → %p', (needs, topics, expected, reason) => {
    const c = scoreMatch(org({ needs: [...needs] }), mentor({ expertiseTopics: [...topics] }))!.breakdown[4];
    expect(c).toMatchObject({ points: expected, maxPoints: 25, reason });
  });

  it.each([
    [Locality.RURAL, 10],
    [Locality.SUB_REGIONAL, 6],
    [Locality.METROPOLITAN, 0],
  ])('LOCALITY: %p → %p', (locality, expected) => {
    expect(points(org({ locality }), mentor(), ScoreComponentCode.LOCALITY)).toBe(expected);
  });

  it('scores a perfect pair 100', () => {
    const o = org({ womenLed: true, locality: Locality.RURAL });
    const m = mentor({
      expertiseSectors: ['10'],
      expertiseTopics: ['EXPORT', 'E_COMMERCE'],
      economy: 'TH',
      economies: ['TH', 'JP', 'SG'],
      languages: ['th'],
    });
    expect(scoreMatch(o, m)!.score).toBe(100);
  });

  it('applies custom weights', () => {
    const weights = { sector: 50, economy: 0, internationalization: 0, womenLed: 0, topics: 50, locality: 0 };
    expect(validateWeights(weights)).toEqual([]);
    const r = scoreMatch(org(), mentor({ expertiseSectors: ['10'], expertiseTopics: ['EXPORT'] }), weights)!;
    expect(r.score).toBe(75);
  });

  it('rejects weights that are fractional, negative or do not add up to 100', () => {
    expect(validateWeights({ ...DEFAULT_WEIGHTS, sector: 24.5, topics: 25.5 })).toHaveLength(2);
    expect(validateWeights({ ...DEFAULT_WEIGHTS, sector: -5, topics: 55 })).toHaveLength(1);
    expect(validateWeights({ ...DEFAULT_WEIGHTS, sector: 30 })[0]).toMatch(
      /add up to 100 \(they add up to 105\)/,
    );
  });
});

describe('integer rounding helpers', () => {
  it('round half up in integers', () => {
    expect(share(25, 60)).toBe(15);
    expect(share(10, 70)).toBe(7);
    expect(share(5, 50)).toBe(3);
    expect(ratio(25, 1, 2)).toBe(13);
    expect(ratio(20, 1, 3)).toBe(7);
    expect(ratio(20, 2, 3)).toBe(13);
    expect(ratio(20, 0, 0)).toBe(0);
  });
});

describe('scoreMatch properties', () => {
  const economy = fc.constantFrom(...ECONOMY_CODES);
  const topic = fc.constantFrom(...TOPIC_CODES);
  const language = fc.constantFrom('en', 'th', 'ja', 'es', 'zh', 'id');
  const sector = fc.oneof(
    fc.constantFrom(...ISIC_DIVISIONS.map((d) => d.code)),
    fc.constantFrom(...ISIC_SECTIONS.map((s) => s.code)),
  );
  const set = <T>(arb: fc.Arbitrary<T>, max: number) => fc.uniqueArray(arb, { maxLength: max });
  const organization: fc.Arbitrary<ScoredOrganization> = fc.record({
    isicDivision: fc.constantFrom(...ISIC_DIVISIONS.map((d) => d.code)),
    economy,
    locality: fc.constantFrom(...Object.values(Locality)),
    womenLed: fc.boolean(),
    prefersWomanMentor: fc.boolean(),
    needs: set(topic, 6),
    targetEconomies: set(economy, 5),
    languages: fc.uniqueArray(language, { minLength: 1, maxLength: 3 }),
  });
  const mentorArb: fc.Arbitrary<ScoredMentor> = fc.record({
    expertiseSectors: set(sector, 5),
    expertiseTopics: set(topic, 8),
    economy,
    economies: set(economy, 6),
    languages: fc.uniqueArray(language, { minLength: 1, maxLength: 3 }),
    isWoman: fc.boolean(),
  });

  it('points add up to the score, each within 0..maxPoints, the score within 0..100', () => {
    fc.assert(
      fc.property(organization, mentorArb, (o, m) => {
        const r = scoreMatch(o, m);
        if (!r) return !o.languages.some((l) => m.languages.includes(l));
        const sum = r.breakdown.reduce((s, c) => s + c.points, 0);
        return (
          sum === r.score &&
          r.score >= 0 &&
          r.score <= 100 &&
          r.breakdown.every((c) => Number.isInteger(c.points) && c.points >= 0 && c.points <= c.maxPoints)
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(
        organization,
        mentorArb,
        (o, m) => JSON.stringify(scoreMatch(o, m)) === JSON.stringify(scoreMatch(o, m)),
      ),
    );
  });

  it('never lowers a score when a shared topic is added (to both sides, or to the mentor)', () => {
    fc.assert(
      fc.property(organization, mentorArb, topic, (o, m, t) => {
        const before = scoreMatch(o, m);
        if (!before) return true;
        const both = scoreMatch(
          { ...o, needs: [...new Set([...o.needs, t])] },
          { ...m, expertiseTopics: [...new Set([...m.expertiseTopics, t])] },
        )!;
        const mentorOnly = scoreMatch(o, { ...m, expertiseTopics: [...new Set([...m.expertiseTopics, t])] })!;
        return both.score >= before.score && mentorOnly.score >= before.score;
      }),
      { numRuns: 2000 },
    );
  });

  it('never lowers a score when the mentor gains experience (sector, economy worked in)', () => {
    fc.assert(
      fc.property(organization, mentorArb, sector, economy, (o, m, s, e) => {
        const before = scoreMatch(o, m);
        if (!before) return true;
        const after = scoreMatch(o, {
          ...m,
          expertiseSectors: [...new Set([...m.expertiseSectors, s])],
          economies: [...new Set([...m.economies, e])],
        })!;
        return after.score >= before.score;
      }),
      { numRuns: 2000 },
    );
  });

  it('gates on language alone: adding a shared language turns null into a score', () => {
    fc.assert(
      fc.property(organization, mentorArb, (o, m) => {
        const withShared = { ...m, languages: [...new Set([...m.languages, o.languages[0]])] };
        return scoreMatch(o, withShared) !== null;
      }),
    );
  });
});
