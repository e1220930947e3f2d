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

/** The input field the server named as wrong, if any. */
export function errorField(error: CombinedError | undefined | null): string | null {
  const field = error?.graphQLErrors[0]?.extensions?.field;
  return typeof field === 'string' ? field : null;
}

/**
 * The input fields the server rejected, by name: `extensions.field` (one field),
 * `extensions.fields` (`[{ field, message }]`, as organisation validation reports every field)
 * or `extensions.problems` (the input validator's sentences, which start with the property path,
 * e.g. "womenOwnershipPercent must not be greater than 100").
 */
export function rejectedFields(error: CombinedError | null | undefined): Set<string> {
  const fields = new Set<string>();
  const extensions = error?.graphQLErrors[0]?.extensions;
  if (!extensions || extensions.code !== 'BAD_USER_INPUT') return fields;
  if (typeof extensions.field === 'string') fields.add(extensions.field);
  if (Array.isArray(extensions.fields)) {
    for (const item of extensions.fields as unknown[]) {
      const field = (item as { field?: unknown } | null)?.field;
      if (typeof field === 'string') fields.add(field);
    }
  }
  if (Array.isArray(extensions.problems)) {
    for (const problem of extensions.problems as unknown[]) {
      const path = typeof problem === 'string' ? /^([\w.]+)\s/.exec(problem)?.[1] : undefined;
      const field = path
        ?.split('.')
        .filter((part) => !/^\d+$/.test(part))
        .pop();
      if (field) fields.add(field);
    }
  }
  return fields;
}
