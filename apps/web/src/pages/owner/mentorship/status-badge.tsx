import { useTranslation } from 'react-i18next';

const STYLE: Record<string, string> = {
  ACTIVE: 'badge badge-ok',
  COMPLETED: 'badge',
  ENDED: 'badge badge-warn',
};

/** A mentorship's status in words (the colour only repeats it). */
export function MentorshipStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={STYLE[status] ?? 'badge'}>{t(`owner.mentorshipStatus.${status}`)}</span>;
}
