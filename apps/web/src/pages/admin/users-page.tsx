import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { DISPLAY_NAME_MAX, EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN, SEARCH_MAX } from '../../api/bounds';
import { errorCode, errorField } from '../../api/errors';
import type { Role } from '../../auth/session';
import { CheckboxGroup } from '../../components/choice-groups';
import { ErrorNotice } from '../../components/error-notice';
import { TableStatusBody } from '../../components/table-status';
import { SelectField, TextField } from '../../components/fields';
import { Page } from '../../components/page';
import { graphql, type ResultOf } from '../../graphql';

export const ADMIN_USERS = graphql(`
  query AdminUsers($search: String, $role: Role, $after: String) {
    users(search: $search, role: $role, first: 50, after: $after) {
      totalCount
      nodes {
        id
        displayName
        email
        roles
        managedEconomies {
          code
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ADMIN_ECONOMIES = graphql(`
  query AdminEconomies {
    economies {
      code
      name
    }
  }
`);

export const UPDATE_USER_ROLES = graphql(`
  mutation UpdateUserRoles($id: ID!, $input: UpdateUserRolesInput!) {
    updateUserRoles(id: $id, input: $input) {
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

export const CREATE_USER = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
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

type User = ResultOf<typeof ADMIN_USERS>['users']['nodes'][number];
type Economy = ResultOf<typeof ADMIN_ECONOMIES>['economies'][number];

const ROLES: Role[] = ['MSME_OWNER', 'MENTOR', 'PROGRAM_MANAGER', 'ADMIN'];
const COLUMNS = 5;

/** The chosen values in the order of the options. */
const inOrder = (options: ReadonlyArray<{ value: string }>, chosen: readonly string[]): string[] =>
  options.map((o) => o.value).filter((v) => chosen.includes(v));

interface Filter {
  search: string;
  role: Role | '';
}

interface Tail {
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Admins: every account, its roles and managed economies; new program managers and admins. */
export function UsersPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filter>({ search: '', role: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const [{ data: reference, error: referenceError }] = useQuery({ query: ADMIN_ECONOMIES });
  const economies = reference?.economies ?? [];
  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ search: draft.search.trim(), role: draft.role });
  };
  return (
    <Page title={t('admin.users.title')}>
      <ErrorNotice error={referenceError} />
      <form className="form" role="search" onSubmit={search} aria-label={t('admin.users.searchTitle')}>
        <div className="form-row">
          <TextField
            label={t('admin.users.search')}
            type="search"
            name="search"
            maxLength={SEARCH_MAX}
            value={draft.search}
            onChange={(e) => setDraft({ ...draft, search: e.target.value })}
          />
          <SelectField
            label={t('admin.users.roleFilter')}
            name="role"
            options={[
              { value: '', label: t('admin.users.anyRole') },
              ...ROLES.map((r) => ({ value: r, label: t(`common.roles.${r}`) })),
            ]}
            value={draft.role}
            onChange={(e) => setDraft({ ...draft, role: e.target.value as Role | '' })}
          />
        </div>
        <div className="actions">
          <button type="submit">{t('admin.users.searchButton')}</button>
        </div>
      </form>
      <UserTable key={`${filter.role}:${filter.search}`} filter={filter} economies={economies} />
      <CreateUser economies={economies} />
    </Page>
  );
}

function UserTable({ filter, economies }: { filter: Filter; economies: Economy[] }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [tail, setTail] = useState<Tail | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<User | null>(null);
  const more =
    tail?.hasNextPage && tail.endCursor && !cursors.includes(tail.endCursor) ? tail.endCursor : null;
  useEffect(() => {
    // Back to the row's button once its editor closes after a save.
    if (saved && editing === null) document.getElementById(`change-roles-${saved.id}`)?.focus();
  }, [saved, editing]);
  return (
    <section aria-labelledby="users-list">
      <h2 id="users-list">{t('admin.users.listTitle')}</h2>
      {tail ? (
        <p className="meta" role="status">
          {t('admin.users.count', { count: tail.totalCount })}
        </p>
      ) : null}
      {saved ? (
        <p className="notice notice-ok" role="status">
          {t('admin.users.saved', { name: saved.displayName })}
        </p>
      ) : null}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.email')}</th>
              <th scope="col">{t('admin.users.roles')}</th>
              <th scope="col">{t('admin.users.managedEconomies')}</th>
              <th scope="col">{t('admin.users.actions')}</th>
            </tr>
          </thead>
          {cursors.map((after, i) => (
            <UserChunk
              key={after ?? 'first'}
              filter={filter}
              after={after}
              onTail={i === cursors.length - 1 ? setTail : undefined}
              economies={economies}
              editing={editing}
              onEdit={(id) => {
                setSaved(null);
                setEditing(id);
              }}
              onDone={(user) => {
                setEditing(null);
                if (user) setSaved(user);
              }}
            />
          ))}
        </table>
      </div>
      {more ? (
        <button type="button" className="button-secondary" onClick={() => setCursors((c) => [...c, more])}>
          {t('common.more')}
        </button>
      ) : null}
    </section>
  );
}

/** One page of users in its own `tbody`: a role change refreshes the page it is on. */
function UserChunk({
  filter,
  after,
  onTail,
  economies,
  editing,
  onEdit,
  onDone,
}: {
  filter: Filter;
  after: string | null;
  onTail?: (tail: Tail) => void;
  economies: Economy[];
  editing: string | null;
  onEdit(id: string): void;
  onDone(saved: User | null): void;
}) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ADMIN_USERS,
    variables: { search: filter.search || null, role: filter.role || null, after },
  });
  const totalCount = data?.users.totalCount;
  const hasNextPage = data?.users.pageInfo.hasNextPage;
  const endCursor = data?.users.pageInfo.endCursor ?? null;
  useEffect(() => {
    if (onTail && totalCount !== undefined && hasNextPage !== undefined)
      onTail({ totalCount, hasNextPage, endCursor });
  }, [onTail, totalCount, hasNextPage, endCursor]);
  if (error || (fetching && !data))
    return (
      <TableStatusBody
        columns={COLUMNS}
        error={error}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  return (
    <tbody>
      {data?.users.nodes.map((u) => (
        <Fragment key={u.id}>
          <tr>
            <th scope="row">{u.displayName}</th>
            <td>{u.email}</td>
            <td>
              {u.roles.map((r) => (
                <span key={r} className="badge">
                  {t(`common.roles.${r}`)}
                </span>
              ))}
            </td>
            <td>
              {u.managedEconomies.length > 0
                ? u.managedEconomies.map((e) => e.name).join(', ')
                : t('admin.users.noEconomies')}
            </td>
            <td>
              <button
                type="button"
                id={`change-roles-${u.id}`}
                className="button-secondary"
                aria-expanded={editing === u.id}
                aria-label={t('admin.users.changeRolesFor', { name: u.displayName })}
                onClick={() => (editing === u.id ? onDone(null) : onEdit(u.id))}
              >
                {t('admin.users.changeRoles')}
              </button>
            </td>
          </tr>
          {editing === u.id ? (
            <tr>
              <td colSpan={COLUMNS}>
                <RoleEditor user={u} economies={economies} onDone={onDone} />
              </td>
            </tr>
          ) : null}
        </Fragment>
      ))}
    </tbody>
  );
}

function RoleEditor({
  user,
  economies,
  onDone,
}: {
  user: User;
  economies: Economy[];
  onDone(saved: User | null): void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [managed, setManaged] = useState<string[]>(user.managedEconomies.map((e) => e.code));
  const [problem, setProblem] = useState<'roles' | 'economies' | null>(null);
  const [result, update] = useMutation(UPDATE_USER_ROLES);
  useEffect(() => heading.current?.focus(), []);
  const isManager = roles.includes('PROGRAM_MANAGER');
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`common.roles.${r}`) }));
  const economyOptions = economies.map((e) => ({ value: e.code, label: e.name }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (roles.length === 0) return setProblem('roles');
    if (isManager && managed.length === 0) return setProblem('economies');
    setProblem(null);
    const response = await update({
      id: user.id,
      input: { roles: roles as Role[], managedEconomies: isManager ? managed : [] },
    });
    if (response.data) onDone(response.data.updateUserRoles);
  };

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`roles-of-${user.id}`}
    >
      <h3 id={`roles-of-${user.id}`} ref={heading} tabIndex={-1}>
        {t('admin.users.editTitle', { name: user.displayName })}
      </h3>
      <ErrorNotice error={result.error} />
      <CheckboxGroup
        legend={t('admin.users.roles')}
        options={roleOptions}
        value={roles}
        onChange={(v) => setRoles(inOrder(roleOptions, v))}
        help={t('admin.users.rolesHelp')}
        error={problem === 'roles' ? t('admin.users.rolesRequired') : undefined}
      />
      {isManager ? (
        <CheckboxGroup
          legend={t('admin.users.managedEconomies')}
          options={economyOptions}
          value={managed}
          onChange={(v) => setManaged(inOrder(economyOptions, v))}
          long
          help={t('admin.users.economiesHelp')}
          error={problem === 'economies' ? t('admin.users.economiesRequired') : undefined}
        />
      ) : null}
      <div className="actions">
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? t('common.saving') : t('admin.users.saveRoles')}
        </button>
        <button type="button" className="button-secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

type NewRole = 'PROGRAM_MANAGER' | 'ADMIN';

function CreateUser({ economies }: { economies: Economy[] }) {
  const { t } = useTranslation();
  const empty = {
    displayName: '',
    email: '',
    password: '',
    role: 'PROGRAM_MANAGER' as NewRole,
    economies: [],
  };
  const [form, setForm] = useState<{
    displayName: string;
    email: string;
    password: string;
    role: NewRole;
    economies: string[];
  }>(empty);
  const [missingEconomies, setMissingEconomies] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [result, create] = useMutation(CREATE_USER);
  const field = errorField(result.error) ?? (errorCode(result.error) === 'EMAIL_TAKEN' ? 'email' : null);
  const invalid = (name: string) => (field === name ? t('common.errors.BAD_USER_INPUT') : undefined);
  const economyOptions = economies.map((e) => ({ value: e.code, label: e.name }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    if (form.role === 'PROGRAM_MANAGER' && form.economies.length === 0) {
      setMissingEconomies(true);
      return;
    }
    setMissingEconomies(false);
    const response = await create({
      input: {
        displayName: form.displayName.trim(),
        email: form.email.trim(),
        password: form.password,
        roles: [form.role],
        managedEconomies: form.role === 'PROGRAM_MANAGER' ? form.economies : [],
      },
    });
    if (response.data) {
      setCreated(response.data.createUser.email ?? form.email.trim());
      setForm(empty);
    }
  };

  return (
    <section aria-labelledby="create-user">
      <h2 id="create-user">{t('admin.users.createTitle')}</h2>
      <p className="hint">{t('admin.users.createIntro')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="create-user">
        <ErrorNotice error={result.error} />
        {created ? (
          <p className="notice notice-ok" role="status">
            {t('admin.users.created', { email: created })}
          </p>
        ) : null}
        <div className="form-row">
          <TextField
            label={t('admin.users.name')}
            name="displayName"
            autoComplete="off"
            required
            maxLength={DISPLAY_NAME_MAX}
            value={form.displayName}
            onChange={(e) => setForm({ ...form, displayName: e.target.value })}
            error={invalid('displayName')}
          />
          <TextField
            label={t('admin.users.email')}
            type="email"
            name="email"
            autoComplete="off"
            required
            maxLength={EMAIL_MAX}
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
            error={invalid('email')}
          />
          <TextField
            label={t('admin.users.password')}
            type="password"
            name="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
            help={t('admin.users.passwordHelp')}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
            error={invalid('password')}
          />
        </div>
        <fieldset>
          <legend>{t('admin.users.newRole')}</legend>
          {(['PROGRAM_MANAGER', 'ADMIN'] as const).map((r) => (
            <label key={r} className="radio">
              <input
                type="radio"
                name="new-role"
                value={r}
                checked={form.role === r}
                onChange={() => setForm({ ...form, role: r })}
              />{' '}
              {t(`common.roles.${r}`)}
            </label>
          ))}
        </fieldset>
        {form.role === 'PROGRAM_MANAGER' ? (
          <CheckboxGroup
            legend={t('admin.users.managedEconomies')}
            help={t('admin.users.economiesHelp')}
            options={economyOptions}
            value={form.economies}
            onChange={(v) => setForm({ ...form, economies: inOrder(economyOptions, v) })}
            long
            error={missingEconomies ? t('admin.users.economiesRequired') : undefined}
          />
        ) : null}
        <div className="actions">
          <button type="submit" disabled={result.fetching}>
            {result.fetching ? t('admin.users.creating') : t('admin.users.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
