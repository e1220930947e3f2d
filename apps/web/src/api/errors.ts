import type { CombinedError } from 'urql';

/** The first error's `extensions.code` (or NETWORK_ERROR when the API could not be reached). */
export function errorCode(error: CombinedError | undefined | null): string | null {
  if (!error) return null;
  if (error.networkError && error.graphQLErrors.length === 0) return 'NETWORK_ERROR';
  const code = error.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/** The server's own wording of the first error (safe to show: domain errors only). */
export function errorDetail(error: CombinedError | undefined | null): string | null {
  const first = error?.graphQLErrors[0];
  if (!first) return null;
  return first.message;
}

/**
 * The form field an argument path names: its last part that is not a list index
 * (`input.goals.1` → `goals`; `displayName` stays `displayName`).
 */
const formField = (path: string): string | undefined =>
  path
    .split('.')
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .pop();

/** The input field the server named as wrong, if any (by its form field name). */
export function errorField(error: CombinedError | undefined | null): string | null {
  const field = error?.graphQLErrors[0]?.extensions?.field;
  return typeof field === 'string' ? (formField(field) ?? null) : null;
}

/**
 * The input fields the server rejected, by form field name: `extensions.field` (one field, or
 * the argument path such as `input.displayName`),
 * `extensions.fields` (`[{ field, message }]`, as organisation validation reports every field)
 * or `extensions.problems` (the input validator's sentences, which start with the property path,
 * e.g. "womenOwnershipPercent must not be greater than 100").
 */
export function rejectedFields(error: CombinedError | null | undefined): Set<string> {
  const fields = new Set<string>();
  const extensions = error?.graphQLErrors[0]?.extensions;
  if (!extensions || extensions.code !== 'BAD_USER_INPUT') return fields;
  const add = (path: unknown): void => {
    const field = typeof path === 'string' ? formField(path) : undefined;
    if (field) fields.add(field);
  };
  add(extensions.field);
  if (Array.isArray(extensions.fields)) {
    for (const item of extensions.fields as unknown[]) add((item as { field?: unknown } | null)?.field);
  }
  if (Array.isArray(extensions.problems)) {
    for (const problem of extensions.problems as unknown[]) {
      add(typeof problem === 'string' ? /^([\w.]+)\s/.exec(problem)?.[1] : undefined);
    }
  }
  return fields;
}
