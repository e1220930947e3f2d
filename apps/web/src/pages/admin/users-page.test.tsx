import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../../app';
import { apiError, mockApi, signedInAs, type MockApi } from '../../test/mock-api';

const USERS = [
  {
    id: 'u-1',
    displayName: 'Demo Admin',
    email: 'admin@demo.test',
    roles: ['ADMIN'],
    managedEconomies: [],
  },
  {
    id: 'u-2',
    displayName: 'Demo Mentor',
    email: 'mentor@demo.test',
    roles: ['MENTOR'],
    managedEconomies: [],
  },
];

const ECONOMIES = [
  { code: 'ID', name: 'Indonesia' },
  { code: 'PH', name: 'The Philippines' },
  { code: 'TH', name: 'Thailand' },
];

function adminApi(handlers: Record<string, (variables: Record<string, unknown>) => unknown> = {}) {
  return mockApi({
    ...signedInAs(['ADMIN'], { id: 'u-1' }),
    AdminEconomies: () => ({ economies: ECONOMIES }),
    AdminUsers: () => ({
      users: { totalCount: USERS.length, nodes: USERS, pageInfo: { hasNextPage: false, endCursor: 'c' } },
    }),
    ...handlers,
  });
}

const callsOf = (api: MockApi, operation: string) => api.calls.filter((c) => c.operation === operation);

describe('admin: users', () => {
  let api: MockApi;
  afterEach(() => api.restore());

  it('lists users with their roles', async () => {
    api = adminApi();
    render(<TestApp path="/admin/users" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    const row = (await screen.findByRole('rowheader', { name: 'Demo Mentor' })).closest('tr')!;
    expect(within(row).getByText('mentor@demo.test')).toBeInTheDocument();
    expect(within(row).getByText('Mentor')).toBeInTheDocument();
    expect(await screen.findByText('2 accounts')).toBeInTheDocument();
  });

  it('searches by name or e-mail and role', async () => {
    api = adminApi();
    const user = userEvent.setup();
    render(<TestApp path="/admin/users" />);
    await screen.findByRole('rowheader', { name: 'Demo Mentor' });
    await user.type(screen.getByLabelText('Name or e-mail contains'), ' mentor ');
    await user.selectOptions(screen.getByLabelText('Role'), 'MENTOR');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(callsOf(api, 'AdminUsers').map((c) => c.variables)).toContainEqual({
        search: 'mentor',
        role: 'MENTOR',
        after: null,
      }),
    );
  });

  it('changes roles and managed economies: sends the right variables', async () => {
    api = adminApi({
      UpdateUserRoles: ({ id, input }) => ({
        updateUserRoles: {
          ...USERS[1],
          id,
          roles: (input as { roles: string[] }).roles,
          managedEconomies: [ECONOMIES[0], ECONOMIES[2]],
        },
      }),
    });
    const user = userEvent.setup();
    render(<TestApp path="/admin/users" />);
    await user.click(await screen.findByRole('button', { name: 'Change roles for Demo Mentor' }));
    const editor = screen.getByRole('form', { name: 'Roles of Demo Mentor' });
    await waitFor(() =>
      expect(within(editor).getByRole('heading', { name: 'Roles of Demo Mentor' })).toHaveFocus(),
    );
    expect(within(editor).getByRole('checkbox', { name: 'Mentor' })).toBeChecked();
    // Managed economies appear once the user is to be a programme manager.
    expect(within(editor).queryByRole('group', { name: 'Managed economies' })).not.toBeInTheDocument();
    await user.click(within(editor).getByRole('checkbox', { name: 'Programme manager' }));
    const economies = within(editor).getByRole('group', { name: 'Managed economies' });

    await user.click(within(editor).getByRole('button', { name: 'Save roles' }));
    expect(
      within(editor).getByText('Choose at least one economy for a programme manager.'),
    ).toBeInTheDocument();
    expect(callsOf(api, 'UpdateUserRoles')).toHaveLength(0);

    await user.click(within(economies).getByRole('checkbox', { name: 'Thailand' }));
    await user.click(within(economies).getByRole('checkbox', { name: 'Indonesia' }));
    await user.click(within(editor).getByRole('button', { name: 'Save roles' }));

    expect(
      await screen.findByText('The roles of Demo Mentor are saved. They take effect at their next login.'),
    ).toBeInTheDocument();
    expect(callsOf(api, 'UpdateUserRoles').map((c) => c.variables)).toEqual([
      { id: 'u-2', input: { roles: ['MENTOR', 'PROGRAM_MANAGER'], managedEconomies: ['ID', 'TH'] } },
    ]);
    expect(screen.queryByRole('form', { name: 'Roles of Demo Mentor' })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Change roles for Demo Mentor' })).toHaveFocus(),
    );
  });

  it('sends no managed economies for a role without them, and shows a refusal', async () => {
    api = adminApi({
      UpdateUserRoles: () => apiError('BAD_USER_INPUT', 'Admins cannot remove their own ADMIN role'),
    });
    const user = userEvent.setup();
    render(<TestApp path="/admin/users" />);
    await user.click(await screen.findByRole('button', { name: 'Change roles for Demo Admin' }));
    const editor = screen.getByRole('form', { name: 'Roles of Demo Admin' });
    await user.click(within(editor).getByRole('checkbox', { name: 'Mentor' }));
    await user.click(within(editor).getByRole('checkbox', { name: 'Administrator' }));
    await user.click(within(editor).getByRole('button', { name: 'Save roles' }));
    expect(await within(editor).findByRole('alert')).toHaveTextContent(
      'Admins cannot remove their own ADMIN role',
    );
    expect(callsOf(api, 'UpdateUserRoles').map((c) => c.variables)).toEqual([
      { id: 'u-1', input: { roles: ['MENTOR'], managedEconomies: [] } },
    ]);
    // Still open, with what was chosen.
    expect(within(editor).getByRole('checkbox', { name: 'Mentor' })).toBeChecked();
    expect(within(editor).getByRole('checkbox', { name: 'Administrator' })).not.toBeChecked();
  });

  it('creates a programme manager for chosen economies', async () => {
    api = adminApi({
      CreateUser: ({ input }) => ({
        createUser: {
          id: 'u-9',
          displayName: (input as { displayName: string }).displayName,
          email: (input as { email: string }).email,
          roles: ['PROGRAM_MANAGER'],
          managedEconomies: [ECONOMIES[1]],
        },
      }),
    });
    const user = userEvent.setup();
    render(<TestApp path="/admin/users" />);
    const form = await screen.findByRole('form', { name: 'Create a programme manager or administrator' });
    await user.type(within(form).getByLabelText('Name'), 'Maria Santos');
    await user.type(within(form).getByLabelText('E-mail'), ' maria@example.org ');
    await user.type(within(form).getByLabelText('Password'), 'long-enough-1');
    expect(within(form).getByRole('radio', { name: 'Programme manager' })).toBeChecked();
    await user.click(within(form).getByRole('checkbox', { name: 'The Philippines' }));
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    expect(
      await within(form).findByText('The account maria@example.org has been created.'),
    ).toBeInTheDocument();
    expect(callsOf(api, 'CreateUser').map((c) => c.variables)).toEqual([
      {
        input: {
          displayName: 'Maria Santos',
          email: 'maria@example.org',
          password: 'long-enough-1',
          roles: ['PROGRAM_MANAGER'],
          managedEconomies: ['PH'],
        },
      },
    ]);
    expect(within(form).getByLabelText('Name')).toHaveValue('');
  });

  it('creates an administrator, and keeps the form when the e-mail is taken', async () => {
    api = adminApi({ CreateUser: () => apiError('EMAIL_TAKEN', 'Email already registered') });
    const user = userEvent.setup();
    render(<TestApp path="/admin/users" />);
    const form = await screen.findByRole('form', { name: 'Create a programme manager or administrator' });
    await user.type(within(form).getByLabelText('Name'), 'Second Admin');
    await user.type(within(form).getByLabelText('E-mail'), 'admin@demo.test');
    await user.type(within(form).getByLabelText('Password'), 'long-enough-1');
    await user.click(within(form).getByRole('radio', { name: 'Administrator' }));
    expect(within(form).queryByRole('group', { name: 'Managed economies' })).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'An account with this e-mail already exists.',
    );
    expect(within(form).getByLabelText('E-mail')).toHaveValue('admin@demo.test');
    expect(within(form).getByLabelText('E-mail')).toHaveAttribute('aria-invalid', 'true');
    expect(callsOf(api, 'CreateUser')[0].variables).toEqual({
      input: {
        displayName: 'Second Admin',
        email: 'admin@demo.test',
        password: 'long-enough-1',
        roles: ['ADMIN'],
        managedEconomies: [],
      },
    });
  });

  it('is for admins only', async () => {
    api = mockApi({ ...signedInAs(['PROGRAM_MANAGER']) });
    render(<TestApp path="/admin/users" />);
    expect(await screen.findByText('You are not allowed to do this.')).toBeInTheDocument();
  });
});
