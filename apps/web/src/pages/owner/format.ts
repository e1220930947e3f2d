/** Today in the user's time zone as YYYY-MM-DD (the form of dates the API takes). */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The calendar day of an instant, as YYYY-MM-DD in the user's time zone. */
export function dayOf(instant: string): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Formats an instant (ISO date-time) as a medium date in `language`. */
export function formatDate(language: string, instant: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(instant));
}

/** Formats a calendar day (YYYY-MM-DD) as a medium date in `language`, without shifting zones. */
export function formatDay(language: string, day: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A percentage such as "25 %" or "25,5 %", in `language`. */
export function formatPercent(language: string, value: number): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

export function formatNumber(language: string, value: number): string {
  return new Intl.NumberFormat(language).format(value);
}
