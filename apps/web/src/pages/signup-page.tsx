import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { DISPLAY_NAME_MAX, EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from '../api/bounds';
import { errorField } from '../api/errors';
import { useSession } from '../auth/session';
import { ErrorNotice } from '../components/error-notice';
import { TextField } from '../components/fields';
import { Page } from '../components/page';
import { graphql } from '../graphql';

const REGISTER = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      token
    }
  }
`);

type SignupRole = 'MSME_OWNER' | 'MENTOR';

export function SignupPage() {
  const { t } = useTranslation();
  const { user, signIn } = useSession();
  const navigate = useNavigate();
  const [form, setForm] = useState({
    displayName: '',
    email: '',
    password: '',
    role: 'MSME_OWNER' as SignupRole,
  });
  const [result, register] = useMutation(REGISTER);
  if (user) return <Navigate to="/" replace />;
  const field = errorField(result.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const response = await register({ input: { ...form, email: form.email.trim() } });
    if (response.data) {
      signIn(response.data.register.token);
      void navigate(form.role === 'MENTOR' ? '/mentor/profile' : '/organizations/new', { replace: true });
    }
  };

  return (
    <Page title={t('common.auth.signupTitle')}>
      <form className="form narrow" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorNotice error={result.error} />
        <TextField
          label={t('common.auth.displayName')}
          name="displayName"
          autoComplete="name"
          required
          maxLength={DISPLAY_NAME_MAX}
          value={form.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          error={field === 'displayName' ? t('common.errors.BAD_USER_INPUT') : undefined}
        />
        <TextField
          label={t('common.auth.email')}
          type="email"
          name="email"
          autoComplete="email"
          required
          maxLength={EMAIL_MAX}
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
          error={field === 'email' ? t('common.errors.BAD_USER_INPUT') : undefined}
        />
        <TextField
          label={t('common.auth.password')}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          help={t('common.auth.passwordHelp')}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          error={field === 'password' ? t('common.errors.BAD_USER_INPUT') : undefined}
        />
        <fieldset>
          <legend>{t('common.auth.role')}</legend>
          {(
            [
              ['MSME_OWNER', t('common.auth.roleOwner')],
              ['MENTOR', t('common.auth.roleMentor')],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name="role"
                value={value}
                checked={form.role === value}
                onChange={() => setForm({ ...form, role: value })}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? t('common.auth.signingUp') : t('common.auth.signup')}
        </button>
      </form>
      <p>
        {t('common.auth.haveAccount')} <Link to="/login">{t('common.auth.loginTitle')}</Link>
      </p>
    </Page>
  );
}
