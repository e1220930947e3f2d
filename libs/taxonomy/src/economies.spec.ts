import {
  ECONOMIES,
  ECONOMY_CODES,
  economyByCode,
  economyCities,
  economyLanguages,
  isEconomyCode,
} from './economies';
import { isLanguageCode } from './languages';

describe('economies', () => {
  it('lists exactly the 21 APEC member economies with unique codes', () => {
    expect(ECONOMY_CODES).toHaveLength(21);
    expect(ECONOMIES).toHaveLength(21);
    expect(new Set(ECONOMY_CODES).size).toBe(21);
    expect(new Set(ECONOMIES.map((e) => e.code))).toEqual(new Set(ECONOMY_CODES));
    expect(new Set(ECONOMIES.map((e) => e.name)).size).toBe(21);
  });

  it('keeps ECONOMY_CODES sorted by code and ECONOMIES sorted by name', () => {
    expect([...ECONOMY_CODES]).toEqual([...ECONOMY_CODES].sort());
    const names = ECONOMIES.map((e) => e.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(names[0]).toBe('Australia');
    expect(names[names.length - 1]).toBe('Viet Nam');
  });

  it.each([
    ['AU', 'Australia'],
    ['BN', 'Brunei Darussalam'],
    ['CN', "People's Republic of China"],
    ['HK', 'Hong Kong, China'],
    ['KR', 'Republic of Korea'],
    ['PH', 'The Philippines'],
    ['RU', 'Russia'],
    ['TW', 'Chinese Taipei'],
    ['US', 'The United States'],
    ['VN', 'Viet Nam'],
  ])('uses the APEC name for %s', (code, name) => {
    expect(economyByCode(code)?.name).toBe(name);
  });

  it('recognises economy codes exactly', () => {
    expect(isEconomyCode('TH')).toBe(true);
    expect(isEconomyCode('th')).toBe(false);
    expect(isEconomyCode('GB')).toBe(false);
    expect(isEconomyCode('')).toBe(false);
    expect(economyByCode('XX')).toBeUndefined();
  });

  it.each(ECONOMY_CODES.map((code) => [code]))(
    '%s has valid, unique languages and cities of every kind',
    (code) => {
      const languages = economyLanguages(code);
      expect(languages.length).toBeGreaterThan(0);
      expect(new Set(languages).size).toBe(languages.length);
      for (const language of languages) {
        expect(isLanguageCode(language)).toBe(true);
      }

      const cities = economyCities(code);
      const all = [...cities.metropolitan, ...cities.subRegional, ...cities.rural];
      for (const kind of [cities.metropolitan, cities.subRegional, cities.rural]) {
        expect(kind.length).toBeGreaterThanOrEqual(1);
        expect(kind.length).toBeLessThanOrEqual(4);
      }
      expect(cities.subRegional.length).toBeGreaterThanOrEqual(2);
      expect(cities.rural.length).toBeGreaterThanOrEqual(2);
      expect(new Set(all).size).toBe(all.length);
      for (const city of all) {
        expect(city.trim()).toBe(city);
        expect(city.length).toBeGreaterThan(0);
      }
    },
  );

  it('gives the expected languages for multilingual economies', () => {
    expect(economyLanguages('TH')).toEqual(['th', 'en']);
    expect(economyLanguages('PH')).toEqual(['en', 'tl']);
    expect(economyLanguages('CA')).toEqual(['en', 'fr']);
    expect(economyLanguages('PG')).toEqual(['en', 'ho']);
    expect(economyLanguages('NZ')).toContain('mi');
    expect(economyLanguages('PE')).toEqual(expect.arrayContaining(['es', 'qu', 'ay']));
  });

  it('gives Thai demo cities by locality', () => {
    const cities = economyCities('TH');
    expect(cities.metropolitan).toContain('Bangkok');
    expect(cities.subRegional).toEqual(expect.arrayContaining(['Chiang Mai', 'Khon Kaen']));
    expect(cities.rural).toEqual(expect.arrayContaining(['Nan', 'Mae Hong Son']));
  });
});
