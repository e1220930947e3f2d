import { badInput } from '@app/common';

export const MESSAGE_MAX = 2000;
export const GOALS_MAX = 10;
export const GOAL_MAX = 200;
export const COMMENT_MAX = 1000;

/** A request's message and goals, trimmed (blank goals dropped); BAD_USER_INPUT past the bounds. */
export function checkedRequestText(
  message: string,
  goals: readonly string[] | null | undefined,
): { message: string; goals: string[] } {
  const text = message.trim();
  const kept = (goals ?? []).map((g) => g.trim()).filter((g) => g.length > 0);
  if (text.length === 0) throw badInput('message must not be empty', { field: 'message' });
  if (text.length > MESSAGE_MAX)
    throw badInput(`message is longer than ${MESSAGE_MAX} characters`, { field: 'message' });
  if (kept.length > GOALS_MAX) throw badInput(`at most ${GOALS_MAX} goals`, { field: 'goals' });
  if (kept.some((g) => g.length > GOAL_MAX))
    throw badInput(`a goal is longer than ${GOAL_MAX} characters`, { field: 'goals' });
  return { message: text, goals: kept };
}

/** A decline's comment, trimmed (blank: none). */
export function checkedDeclineComment(comment: string | null | undefined): string | null {
  const text = comment?.trim() || null;
  if (text && text.length > COMMENT_MAX)
    throw badInput(`comment is longer than ${COMMENT_MAX} characters`, { field: 'comment' });
  return text;
}
