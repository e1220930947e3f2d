import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Numbers, shares and dates in the user's language (Intl with i18n.language). */
export interface Formatter {
  /** A whole number, grouped: 1,234. */
  number(value: number): string;
  /** A whole number with its sign: +5, −3, 0. */
  signed(value: number): string;
  /** Up to `digits` decimals: 12.5. */
  decimal(value: number, digits?: number): string;
  /** A share 0-1 as a percentage: 0.412 → 41.2%. */
  percent(share: number, digits?: number): string;
  /** A calendar day given as YYYY-MM-DD. */
  day(isoDate: string): string;
  /** A month given as YYYY-MM. */
  month(isoMonth: string): string;
  /** A timestamp. */
  dateTime(iso: string): string;
}

export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const whole = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const signed = new Intl.NumberFormat(language, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
    return {
      number: (value) => whole.format(value),
      signed: (value) => signed.format(value),
      decimal: (value, digits = 1) =>
        new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value),
      percent: (share, digits = 1) =>
        new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: digits }).format(share),
      day: (isoDate) => day.format(new Date(`${isoDate}T00:00:00Z`)),
      month: (isoMonth) => month.format(new Date(`${isoMonth}-01T00:00:00Z`)),
      dateTime: (iso) => dateTime.format(new Date(iso)),
    };
  }, [language]);
}

/** A percentage typed by the user (0-100, blank for none) as the API's share 0-1. */
export function percentToShare(percent: string): number | undefined {
  if (percent.trim() === '') return undefined;
  return Math.round(Number(percent) * 100) / 10000;
}

/** Whether a typed percentage is blank or a number from 0 to 100. */
export function isPercent(percent: string): boolean {
  if (percent.trim() === '') return true;
  const value = Number(percent);
  return Number.isFinite(value) && value >= 0 && value <= 100;
}
