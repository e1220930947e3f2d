/**
 * Bounds of inputs only the API has (a feature's own bounds live with its rules and are imported
 * from there). Each is stated in the schema description of the field it bounds, which the web
 * app's tests read, so what is documented, enforced and offered in forms stays one number.
 */
export const EMAIL_MAX = 254;
export { PASSWORD_MAX, PASSWORD_MIN } from '@app/accounts';
export const DISPLAY_NAME_MAX = 100;
/** Part of a name (or headline) to look for. */
export const SEARCH_MAX = 100;
/** An expertise topic code in a filter. */
export const TOPIC_CODE_MAX = 40;
/** An audit action or object id in a filter. */
export const AUDIT_FILTER_MAX = 60;
/** An opaque page cursor. */
export const CURSOR_MAX = 1000;

/** "1 to 200 characters." or "Up to 4000 characters.", the form the web app's tests read. */
export const lengthBound = (max: number, min = 0): string =>
  min > 0 ? `${min} to ${max} characters.` : `Up to ${max} characters.`;
