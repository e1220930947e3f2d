import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Provider } from 'urql';
import { createClient } from '../../api/client';
import { apiError, mockApi, type MockApi } from '../../test/mock-api';
import { QueueDashboardButton } from './queue-dashboard-button';

describe('the queue dashboard button', () => {
  let api: MockApi;
  afterEach(() => api.restore());

  it('asks for a ticket and opens the dashboard with it', async () => {
    api = mockApi({
      OpenQueueDashboard: () => ({ openQueueDashboard: { url: '/admin/queues/?ticket=abc' } }),
    });
    const open = vi.fn();
    render(
      <Provider value={createClient('token')}>
        <QueueDashboardButton open={open} />
      </Provider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Queue dashboard' }));
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith('/admin/queues/?ticket=abc'));
  });

  it('explains why there is none in embedded mode', async () => {
    api = mockApi({ OpenQueueDashboard: () => apiError('CONFLICT', 'The queue dashboard needs Redis') });
    const open = vi.fn();
    render(
      <Provider value={createClient('token')}>
        <QueueDashboardButton open={open} />
      </Provider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Queue dashboard' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The queue dashboard needs Redis');
    expect(open).not.toHaveBeenCalled();
  });
});
