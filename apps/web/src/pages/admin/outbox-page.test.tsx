import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../../app';
import { mockApi, signedInAs, type MockApi } from '../../test/mock-api';

const email = (id: string, to: string, sent: boolean, lastError: string | null = null) => ({
  id,
  toAddress: to,
  subject: `Mentorship request from Kopi Lestari (${id})`,
  body: 'Hello Demo Mentor,\n\nKopi Lestari would like you to mentor them.',
  template: 'REQUEST_RECEIVED',
  attempts: sent ? 1 : lastError ? 3 : 0,
  lastError,
  createdAt: '2025-03-01T08:00:00.000Z',
  sentAt: sent ? '2025-03-01T08:00:05.000Z' : null,
});

const outbox = (nodes: unknown[], totalCount: number, endCursor: string | null, hasNextPage: boolean) => ({
  emailOutbox: { totalCount, nodes, pageInfo: { hasNextPage, endCursor } },
});

describe('admin: e-mail outbox', () => {
  let api: MockApi;
  afterEach(() => api.restore());

  it('shows recipient, subject, status, attempts and dates, and loads more', async () => {
    api = mockApi({
      ...signedInAs(['ADMIN']),
      QueueDashboardAvailable: () => ({ queueDashboardAvailable: true }),
      EmailOutbox: ({ after }) =>
        after === 'c1'
          ? outbox([email('e-3', 'owner@demo.test', false, 'connect ECONNREFUSED')], 3, 'c2', false)
          : outbox(
              [email('e-1', 'mentor@demo.test', true), email('e-2', 'admin@demo.test', false)],
              3,
              'c1',
              true,
            ),
    });
    const user = userEvent.setup();
    render(<TestApp path="/admin/outbox" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'E-mail outbox' })).toBeVisible();
    const sent = (await screen.findByText('mentor@demo.test')).closest('tr')!;
    expect(within(sent).getByText('Mentorship request from Kopi Lestari (e-1)')).toBeInTheDocument();
    expect(within(sent).getByText('Sent')).toBeInTheDocument();
    expect(within(sent).getAllByRole('cell')[3]).toHaveTextContent('1');
    expect(within(sent).getAllByRole('time')).toHaveLength(2);
    const waiting = screen.getByText('admin@demo.test').closest('tr')!;
    expect(within(waiting).getByText('Not sent yet')).toBeInTheDocument();
    expect(await screen.findByText('3 e-mails')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    const failing = (await screen.findByText('owner@demo.test')).closest('tr')!;
    expect(within(failing).getByText('Sending failed, will retry')).toBeInTheDocument();
    expect(within(failing).getByText('connect ECONNREFUSED')).toBeInTheDocument();
    expect(screen.getByText('mentor@demo.test')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.operation === 'EmailOutbox').map((c) => c.variables)).toContainEqual({
      unsentOnly: false,
      after: 'c1',
    });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument());
  });

  it('filters to unsent e-mails', async () => {
    api = mockApi({
      ...signedInAs(['ADMIN']),
      QueueDashboardAvailable: () => ({ queueDashboardAvailable: true }),
      EmailOutbox: ({ unsentOnly }) =>
        unsentOnly
          ? outbox([email('e-2', 'admin@demo.test', false)], 1, 'c', false)
          : outbox(
              [email('e-1', 'mentor@demo.test', true), email('e-2', 'admin@demo.test', false)],
              2,
              'c',
              false,
            ),
    });
    const user = userEvent.setup();
    render(<TestApp path="/admin/outbox" />);
    await screen.findByText('mentor@demo.test');
    await user.click(screen.getByRole('checkbox', { name: 'Only e-mails not sent yet' }));
    await waitFor(() => expect(screen.queryByText('mentor@demo.test')).not.toBeInTheDocument());
    expect(screen.getByText('admin@demo.test')).toBeInTheDocument();
    expect(await screen.findByText('1 e-mail')).toBeInTheDocument();
  });

  it('offers the queue dashboard, saying when it is there', async () => {
    api = mockApi({
      ...signedInAs(['ADMIN']),
      QueueDashboardAvailable: () => ({ queueDashboardAvailable: true }),
      EmailOutbox: () => outbox([], 0, null, false),
    });
    render(<TestApp path="/admin/outbox" />);
    expect(await screen.findByRole('button', { name: 'Queue dashboard' })).toBeEnabled();
    expect(
      screen.getByText(/available when Mentorlink runs with Redis \(services mode\)/),
    ).toBeInTheDocument();
    expect(await screen.findByText('No e-mails here.')).toBeInTheDocument();
  });
});
