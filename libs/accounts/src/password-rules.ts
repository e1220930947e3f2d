/** Password length bounds of every account, whichever way it is made (sign-up, admins, the CLI). */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** What is wrong with a new password, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN) return `The password must have at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `The password must have at most ${PASSWORD_MAX} characters`;
  return undefined;
}
