/** A real calendar date written as YYYY-MM-DD (so not 2026-02-31). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/**
 * The dates a programme or a report window may name: wide enough for any real programme (the
 * initiative's began in 2019), narrow enough that a typo such as 0202 or 9999 is refused.
 */
export const DATE_MIN = '2000-01-01';
export const DATE_MAX = '2100-12-31';

/** A real calendar date as YYYY-MM-DD within DATE_MIN..DATE_MAX. */
export function isDateInRange(value: string): boolean {
  return isIsoDate(value) && value >= DATE_MIN && value <= DATE_MAX;
}
