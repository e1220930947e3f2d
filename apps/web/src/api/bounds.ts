/**
 * Bounds the API documents in its schema descriptions and enforces, for the forms that have no
 * constant of their own. `bounds.test.ts` checks these and the forms' own constants against
 * schema.gql, so a form never offers more (or less) than the server takes.
 */
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const DISPLAY_NAME_MAX = 100;
export const SEARCH_MAX = 100;
export const HEADLINE_MAX = 200;
export const BIO_MAX = 4000;
export const DECLINE_COMMENT_MAX = 1000;
export const PROGRAM_NAME_MAX = 200;
/** Programme dates and report windows. */
export const DATE_MIN = '2000-01-01';
export const DATE_MAX = '2100-12-31';
