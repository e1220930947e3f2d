import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { EMAIL_MAX, PASSWORD_MAX } from '../api/bounds';
import { useSession } from '../auth/session';
import { ErrorNotice } from '../components/error-notice';
import { TextField } from '../components/fields';
import { Page } from '../components/page';
import { graphql } from '../graphql';

const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
    }
  }
`);

/** Only paths inside the app: `next` must not send anyone to another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { user, signIn, signedOut } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [result, login] = useMutation(LOGIN);
  if (user) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const response = await login({ email: email.trim(), password });
    if (response.data) {
      signIn(response.data.login.token);
      void navigate(safeNext(params.get('next')), { replace: true });
    }
  };

  return (
    <Page title={t('common.auth.loginTitle')}>
      {signedOut ? (
        <p className="notice" role="status">
          {t('common.auth.loggedOut')}
        </p>
      ) : null}
      <form className="form narrow" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorNotice error={result.error} />
        <TextField
          label={t('common.auth.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          maxLength={EMAIL_MAX}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={t('common.auth.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          maxLength={PASSWORD_MAX}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? t('common.auth.loggingIn') : t('common.auth.login')}
        </button>
      </form>
      <p>
        {t('common.auth.noAccount')} <Link to="/signup">{t('common.auth.signupTitle')}</Link>
      </p>
      <p className="hint">{t('common.auth.demoHint')}</p>
    </Page>
  );
}
