import { isLanguageCode, languageByCode, LANGUAGES } from './languages';

const APEC_LANGUAGES = [
  'en',
  'zh',
  'ms',
  'id',
  'ja',
  'ko',
  'es',
  'fr',
  'ru',
  'th',
  'vi',
  'tl',
  'ta',
  'ho',
  'mi',
  'qu',
  'ay',
];

describe('languages', () => {
  it('has unique, lowercase two-letter codes and unique names', () => {
    const codes = LANGUAGES.map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(LANGUAGES.map((l) => l.name)).size).toBe(LANGUAGES.length);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z]{2}$/);
    }
  });

  it('has between 40 and 60 languages, sorted by name', () => {
    expect(LANGUAGES.length).toBeGreaterThanOrEqual(40);
    expect(LANGUAGES.length).toBeLessThanOrEqual(60);
    const names = LANGUAGES.map((l) => l.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it.each(APEC_LANGUAGES.map((code) => [code]))('includes APEC language %s', (code) => {
    expect(isLanguageCode(code)).toBe(true);
  });

  it.each(['ar', 'de', 'hi', 'pt', 'it', 'nl', 'bn', 'ur', 'km', 'lo', 'my', 'jv'])(
    'includes trade language %s',
    (code) => {
      expect(isLanguageCode(code)).toBe(true);
    },
  );

  it('looks up English names', () => {
    expect(languageByCode('zh')?.name).toBe('Chinese');
    expect(languageByCode('ms')?.name).toBe('Malay');
    expect(languageByCode('tl')?.name).toBe('Tagalog');
    expect(languageByCode('ho')?.name).toBe('Hiri Motu');
  });

  it('rejects unknown or malformed codes', () => {
    expect(isLanguageCode('EN')).toBe(false);
    expect(isLanguageCode('eng')).toBe(false);
    expect(isLanguageCode('xx')).toBe(false);
    expect(languageByCode('')).toBeUndefined();
  });
});
