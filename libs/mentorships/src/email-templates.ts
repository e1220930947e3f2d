import { NotificationKind } from './mentorship.entities';

/** What a template may mention: names of the parties and where to go. */
export interface EmailContext {
  recipient: string;
  organization: string | null;
  mentor: string | null;
  /** The page of the request or mentorship. */
  link: string;
  /** Mentors suggested instead (an expired request). */
  suggestions?: string[];
  expiryDays: number;
}

type Template = (c: EmailContext) => { subject: string; body: string };

const sign = '\n\n— Mentorlink, APEC Local Innovation Ecosystem mentoring';

/** One e-mail per notification kind: plain text, short, with the link to act on. */
export const EMAIL_TEMPLATES: Record<NotificationKind, Template> = {
  [NotificationKind.REQUEST_RECEIVED]: (c) => ({
    subject: `Mentorship request from ${c.organization}`,
    body: `Hello ${c.recipient},\n\n${c.organization} would like you to mentor them. Please accept or decline within ${c.expiryDays} days:\n${c.link}${sign}`,
  }),
  [NotificationKind.REQUEST_ACCEPTED]: (c) => ({
    subject: `${c.mentor} accepted your mentorship request`,
    body: `Hello ${c.recipient},\n\n${c.mentor} accepted the request of ${c.organization}. Your mentorship has started:\n${c.link}${sign}`,
  }),
  [NotificationKind.REQUEST_DECLINED]: (c) => ({
    subject: `${c.mentor} declined your mentorship request`,
    body: `Hello ${c.recipient},\n\n${c.mentor} could not take on ${c.organization} this time. Your recommendations show other mentors:\n${c.link}${sign}`,
  }),
  [NotificationKind.REQUEST_CANCELLED]: (c) => ({
    subject: `${c.organization} withdrew its request`,
    body: `Hello ${c.recipient},\n\n${c.organization} cancelled its mentorship request; nothing more is needed from you.\n${c.link}${sign}`,
  }),
  [NotificationKind.REQUEST_WITHDRAWN]: (c) => ({
    subject: `${c.organization} has found its mentor`,
    body: `Hello ${c.recipient},\n\n${c.organization} has the mentors it was looking for, so its request to you is withdrawn. Thank you for your time.\n${c.link}${sign}`,
  }),
  [NotificationKind.REQUEST_REMINDER]: (c) => ({
    subject: `Reminder: ${c.organization} is waiting for your answer`,
    body: `Hello ${c.recipient},\n\n${c.organization} is still waiting to hear whether you can mentor them:\n${c.link}${sign}`,
  }),
  [NotificationKind.REQUEST_EXPIRED]: (c) => ({
    subject: `Your request to ${c.mentor} expired`,
    body:
      `Hello ${c.recipient},\n\n${c.mentor} did not answer within ${c.expiryDays} days, so the request of ${c.organization} has expired.` +
      (c.suggestions && c.suggestions.length > 0
        ? `\n\nMentors who could help instead: ${c.suggestions.join(', ')}.`
        : '') +
      `\n${c.link}${sign}`,
  }),
  [NotificationKind.REQUEST_REROUTED]: (c) => ({
    subject: `Your request went on to ${c.mentor}`,
    body: `Hello ${c.recipient},\n\nAs you asked, the request of ${c.organization} went on to the best available mentor, ${c.mentor}:\n${c.link}${sign}`,
  }),
  [NotificationKind.MENTORSHIP_COMPLETED]: (c) => ({
    subject: `Mentorship of ${c.organization} with ${c.mentor} completed`,
    body: `Hello ${c.recipient},\n\nThe mentorship of ${c.organization} with ${c.mentor} is marked completed.\n${c.link}${sign}`,
  }),
  [NotificationKind.MENTORSHIP_ENDED]: (c) => ({
    subject: `Mentorship of ${c.organization} with ${c.mentor} ended`,
    body: `Hello ${c.recipient},\n\nThe mentorship of ${c.organization} with ${c.mentor} has ended.\n${c.link}${sign}`,
  }),
  [NotificationKind.FEEDBACK_DUE]: (c) => ({
    subject: 'How did the mentorship go?',
    body: `Hello ${c.recipient},\n\nPlease rate the mentorship of ${c.organization} with ${c.mentor} (1 to 5) and leave a comment. The other side sees it once both of you have answered:\n${c.link}${sign}`,
  }),
  [NotificationKind.OUTCOME_SURVEY_DUE]: (c) => ({
    subject: `What has the mentorship with ${c.mentor} led to?`,
    body: `Hello ${c.recipient},\n\nSix months on, tell us what the mentorship brought ${c.organization}: exports started, partnerships, financing, new products, digital tools, jobs — or nothing yet:\n${c.link}${sign}`,
  }),
};
