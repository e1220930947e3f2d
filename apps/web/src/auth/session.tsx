import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider, useQuery } from 'urql';
import { createClient, tokenStore } from '../api/client';
import { errorCode } from '../api/errors';
import { clearDrafts } from '../components/use-draft';
import { graphql, type ResultOf } from '../graphql';

export const ME = graphql(`
  query Me {
    me {
      id
      displayName
      email
      roles
      managedEconomies {
        code
        name
      }
    }
  }
`);

export type Me = ResultOf<typeof ME>['me'];
export type Role = Me['roles'][number];

interface SessionValue {
  user: Me | null;
  /** True while the stored token is being checked. */
  loading: boolean;
  /** The user logged out in this tab (not an expired token): the login page says so. */
  signedOut: boolean;
  signIn(token: string): void;
  signOut(): void;
  hasRole(...roles: Role[]): boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Who is signed in. A new GraphQL client per token, so no cached data crosses accounts. */
export function SessionProvider({ children, url }: { children: ReactNode; url?: string }) {
  const [token, setToken] = useState<string | null>(() => tokenStore.get());
  const [signedOut, setSignedOut] = useState(false);
  const client = useMemo(() => createClient(token, url), [token, url]);
  const signIn = useCallback((next: string) => {
    tokenStore.set(next);
    setToken(next);
    setSignedOut(false);
  }, []);
  const signOut = useCallback(() => {
    tokenStore.set(null);
    clearDrafts();
    setToken(null);
    setSignedOut(true);
  }, []);
  const forget = useCallback(() => {
    tokenStore.set(null);
    setToken(null);
  }, []);
  return (
    <Provider value={client}>
      <CurrentUser token={token} signedOut={signedOut} signIn={signIn} signOut={signOut} forget={forget}>
        {children}
      </CurrentUser>
    </Provider>
  );
}

function CurrentUser(props: {
  token: string | null;
  signedOut: boolean;
  signIn(token: string): void;
  signOut(): void;
  forget(): void;
  children: ReactNode;
}) {
  const { token, signedOut, signIn, signOut, forget, children } = props;
  const [{ data, fetching, error }] = useQuery({ query: ME, pause: !token });
  useEffect(() => {
    // An expired or revoked token: forget it rather than fail every page.
    if (errorCode(error) === 'UNAUTHENTICATED') forget();
  }, [error, forget]);
  const user = token ? (data?.me ?? null) : null;
  const value = useMemo<SessionValue>(
    () => ({
      user,
      loading: Boolean(token) && fetching && !data,
      signedOut,
      signIn,
      signOut,
      hasRole: (...roles) => Boolean(user && roles.some((r) => user.roles.includes(r))),
    }),
    [user, token, fetching, data, signedOut, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
