import { vi } from 'vitest';

type Resolver = (variables: Record<string, unknown>) => unknown;

export interface MockApi {
  /** Operations seen, in order: name and variables. */
  calls: Array<{ operation: string; variables: Record<string, unknown> }>;
  restore(): void;
}

/**
 * Stubs `fetch` for component tests: each GraphQL operation (by name) answers from `handlers`,
 * either data or `{ errors: [...] }` as the API would send it. Browser tests use the real API.
 */
export function mockApi(handlers: Record<string, Resolver>): MockApi {
  const calls: MockApi['calls'] = [];
  const original = globalThis.fetch;
  globalThis.fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as {
      operationName?: string;
      query: string;
      variables?: Record<string, unknown>;
    };
    const operation = body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    const variables = body.variables ?? {};
    calls.push({ operation, variables });
    const handler = handlers[operation];
    if (!handler) throw new Error(`No mock for operation ${operation}`);
    const result = handler(variables);
    const payload = result && typeof result === 'object' && 'errors' in result ? result : { data: result };
    return new Response(JSON.stringify(payload), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  return {
    calls,
    restore: () => {
      globalThis.fetch = original;
    },
  };
}

/** A GraphQL error as the API sends it. */
export const apiError = (code: string, message = code, field?: string) => ({
  errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }],
});

/**
 * A signed-in user for component tests: stores a token and answers `Me` and the header's unread
 * count. Spread the result into `mockApi({...})` with the page's own operations.
 */
export function signedInAs(
  roles: string[],
  user: { id?: string; displayName?: string; managedEconomies?: Array<{ code: string; name: string }> } = {},
): Record<string, Resolver> {
  localStorage.setItem('mentorlink.token', 'test-token');
  return {
    Me: () => ({
      me: {
        id: user.id ?? 'user-1',
        displayName: user.displayName ?? 'Test User',
        email: 'user@test.example',
        roles,
        managedEconomies: user.managedEconomies ?? [],
      },
    }),
    UnreadNotifications: () => ({ notifications: { totalCount: 0 } }),
  };
}
