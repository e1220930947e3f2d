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
