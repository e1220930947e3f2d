import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../app';
import { apiError, mockApi, type MockApi } from '../test/mock-api';
import { safeNext } from './login-page';

const ME = {
  me: {
    id: 'u1',
    displayName: 'Siti',
    email: 'owner@demo.test',
    roles: ['MSME_OWNER'],
    managedEconomies: [],
  },
};

describe('logging in', () => {
  let api: MockApi;
  afterEach(() => api.restore());

  it('signs in and lands on the home page for the role', async () => {
    api = mockApi({
      Login: () => ({ login: { token: 'token-1' } }),
      Me: () => ME,
      UnreadNotifications: () => ({ notifications: { totalCount: 2 } }),
    });
    render(<TestApp path="/login" />);
    await userEvent.type(screen.getByLabelText('E-mail'), 'owner@demo.test');
    await userEvent.type(screen.getByLabelText('Password'), 'demo1234');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('heading', { name: 'Welcome, Siti' })).toBeInTheDocument();
    expect(localStorage.getItem('mentorlink.token')).toBe('token-1');
    expect(api.calls[0]).toEqual({
      operation: 'Login',
      variables: { email: 'owner@demo.test', password: 'demo1234' },
    });
    // The owner's navigation, with the unread count.
    expect(await screen.findByRole('link', { name: 'Notifications (2 unread)' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'My organisations' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Programmes' })).not.toBeInTheDocument();
  });

  it('says why a login failed and keeps what was typed', async () => {
    api = mockApi({ Login: () => apiError('INVALID_CREDENTIALS', 'Invalid e-mail or password') });
    render(<TestApp path="/login" />);
    await userEvent.type(screen.getByLabelText('E-mail'), 'owner@demo.test');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The e-mail or password is not right.');
    expect(screen.getByLabelText('E-mail')).toHaveValue('owner@demo.test');
    expect(localStorage.getItem('mentorlink.token')).toBeNull();
  });

  it('sends a signed-out visitor to log in, and back afterwards', async () => {
    api = mockApi({
      Login: () => ({ login: { token: 'token-1' } }),
      Me: () => ME,
      UnreadNotifications: () => ({ notifications: { totalCount: 0 } }),
      Notifications: () => ({
        notifications: { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } },
      }),
    });
    render(<TestApp path="/notifications" />);
    await userEvent.type(await screen.findByLabelText('E-mail'), 'owner@demo.test');
    await userEvent.type(screen.getByLabelText('Password'), 'demo1234');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('heading', { name: 'Notifications' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Nothing new.')).toBeInTheDocument());
  });

  it('only follows `next` within the app', () => {
    expect(safeNext('/programs/1')).toBe('/programs/1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
