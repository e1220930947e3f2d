import { useTranslation } from 'react-i18next';

/** The badge colour of each request status; the status is always written out as well. */
const STATUS_CLASS: Record<string, string> = {
  PENDING: 'badge badge-warn',
  ACCEPTED: 'badge badge-ok',
  DECLINED: 'badge badge-danger',
  EXPIRED: 'badge badge-danger',
  CANCELLED: 'badge',
  WITHDRAWN: 'badge',
};

export function RequestStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={STATUS_CLASS[status] ?? 'badge'}>{t(`mentor.statuses.${status}`)}</span>;
}

/** Dates and names in the user's language. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  let languageNames: Intl.DisplayNames | null = null;
  try {
    languageNames = new Intl.DisplayNames([language], { type: 'language' });
  } catch {
    languageNames = null;
  }
  return {
    date: (iso: string) => dateFormat.format(new Date(iso)),
    dateTime: (iso: string) => dateTimeFormat.format(new Date(iso)),
    /** An ISO 639-1 language in the user's language (the API's English name as fallback). */
    language: (code: string, fallback: string) => {
      const name = languageNames?.of(code);
      return name && name !== code ? name : fallback;
    },
    /** An expertise topic in the user's language (the API's label for a topic we do not know). */
    topic: (code: string, fallback: string) => {
      const key = `domain.topics.${code}`;
      return i18n.exists(key) ? t(key) : fallback;
    },
    number: (n: number) => new Intl.NumberFormat(language).format(n),
  };
}

export const REQUEST_STATUSES = [
  'PENDING',
  'ACCEPTED',
  'DECLINED',
  'EXPIRED',
  'CANCELLED',
  'WITHDRAWN',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const DECLINE_REASONS = ['NO_CAPACITY', 'OUTSIDE_EXPERTISE', 'LANGUAGE', 'TIMING', 'OTHER'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
