import { isIsoDate } from './dates';

describe('isIsoDate', () => {
  it('takes real calendar dates written as YYYY-MM-DD', () => {
    expect(isIsoDate('2019-02-28')).toBe(true);
    expect(isIsoDate('2020-02-29')).toBe(true);
  });

  it('refuses impossible dates and other spellings', () => {
    for (const value of ['2019-02-29', '2026-02-31', '2026-13-01', '2026-1-01', '2026-01-01T00:00', '', 'x'])
      expect(isIsoDate(value)).toBe(false);
  });
});
