/** A message tree: nested objects whose leaves are strings. */
export type Messages = { readonly [key: string]: string | Messages };

/** The same keys as `T`, every leaf a string: a translation must cover every message. */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

/**
 * One area's messages in English and Bahasa Indonesia, side by side. The type makes a missing
 * or extra Indonesian key a compile error, so both languages stay complete.
 */
export function defineMessages<T extends Messages>(en: T, id: Translation<T>): { en: T; id: Translation<T> } {
  return { en, id };
}
