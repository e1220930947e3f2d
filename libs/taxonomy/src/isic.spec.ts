import {
  ISIC_DIVISIONS,
  ISIC_SECTIONS,
  isicDivision,
  isicSection,
  isIsicDivisionCode,
  isSectorCode,
  sectionOfDivision,
  sectorCodesRelatedTo,
} from './isic';

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));

describe('ISIC Rev.4', () => {
  it('has the 21 sections A to U in order', () => {
    expect(ISIC_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
  });

  it('has exactly 88 unique two-digit divisions in ascending order', () => {
    const codes = ISIC_DIVISIONS.map((d) => d.code);
    expect(codes).toHaveLength(88);
    expect(new Set(codes).size).toBe(88);
    expect(codes).toEqual([...codes].sort());
    for (const code of codes) {
      expect(code).toMatch(/^\d{2}$/);
    }
  });

  it('skips the numbers ISIC leaves unused', () => {
    const unused = ['00', '04', '34', '40', '44', '48', '54', '57', '67', '76', '83', '89'];
    for (const code of unused) {
      expect(isIsicDivisionCode(code)).toBe(false);
    }
    const used = range(1, 99).filter((code) => !unused.includes(code));
    expect(ISIC_DIVISIONS.map((d) => d.code)).toEqual(used);
  });

  it.each([
    ['01', 'Crop and animal production, hunting and related service activities'],
    ['10', 'Manufacture of food products'],
    ['43', 'Specialized construction activities'],
    ['62', 'Computer programming, consultancy and related activities'],
    ['99', 'Activities of extraterritorial organizations and bodies'],
  ])('titles division %s officially', (code, title) => {
    expect(isicDivision(code)?.title).toBe(title);
  });

  it.each([
    ['A', 'Agriculture, forestry and fishing'],
    ['C', 'Manufacturing'],
    ['G', 'Wholesale and retail trade; repair of motor vehicles and motorcycles'],
    ['U', 'Activities of extraterritorial organizations and bodies'],
  ])('titles section %s officially', (code, title) => {
    expect(isicSection(code)?.title).toBe(title);
  });

  it('links every division to its parent section', () => {
    for (const section of ISIC_SECTIONS) {
      expect(section.divisions.length).toBeGreaterThan(0);
      for (const division of section.divisions) {
        expect(division.sectionCode).toBe(section.code);
        expect(sectionOfDivision(division.code)).toBe(section.code);
        expect(division.title.length).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    ['A', 1, 3],
    ['B', 5, 9],
    ['C', 10, 33],
    ['G', 45, 47],
    ['J', 58, 63],
    ['T', 97, 98],
  ])('section %s covers divisions %i to %i', (code, from, to) => {
    expect(isicSection(code)?.divisions.map((d) => d.code)).toEqual(range(from, to));
  });

  it('has 24 manufacturing divisions', () => {
    expect(isicSection('C')?.divisions).toHaveLength(24);
  });

  it('recognises sector codes', () => {
    expect(isSectorCode('C')).toBe(true);
    expect(isSectorCode('10')).toBe(true);
    expect(isSectorCode('10.1')).toBe(false);
    expect(isSectorCode('c')).toBe(false);
    expect(isSectorCode('V')).toBe(false);
    expect(isSectorCode('4')).toBe(false);
    expect(isIsicDivisionCode('C')).toBe(false);
    expect(isicSection('10')).toBeUndefined();
    expect(sectionOfDivision('ZZ')).toBeUndefined();
  });

  describe('sectorCodesRelatedTo', () => {
    it('returns a division and its section', () => {
      expect(sectorCodesRelatedTo('10')).toEqual(['10', 'C']);
      expect(sectorCodesRelatedTo('62')).toEqual(['62', 'J']);
    });

    it('returns a section and all its divisions', () => {
      expect(sectorCodesRelatedTo('C')).toEqual(['C', ...range(10, 33)]);
      expect(sectorCodesRelatedTo('L')).toEqual(['L', '68']);
    });

    it('returns nothing for unknown codes', () => {
      expect(sectorCodesRelatedTo('ZZ')).toEqual([]);
      expect(sectorCodesRelatedTo('34')).toEqual([]);
      expect(sectorCodesRelatedTo('')).toEqual([]);
    });

    it('returns a fresh array each time', () => {
      const first = sectorCodesRelatedTo('C');
      first.push('mutated');
      expect(sectorCodesRelatedTo('C')).not.toContain('mutated');
    });
  });
});
