import { Client, cacheExchange, fetchExchange } from 'urql';

const TOKEN_KEY = 'mentorlink.token';

export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string | null): void => {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  },
};

/**
 * One client per session (a new one on login and logout, so no cached data crosses users).
 * The document cache refetches queries whose types a mutation touched.
 */
export function createClient(token: string | null, url = '/graphql'): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    // Always POST: Apollo's CSRF prevention refuses simple GET requests.
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({
      headers: token ? { authorization: `Bearer ${token}` } : ({} as Record<string, string>),
    }),
  });
}
