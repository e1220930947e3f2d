import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Provider } from 'urql';
import { createClient } from '../../api/client';
import { apiError, mockApi, type MockApi } from '../../test/mock-api';
import { QueueDashboardButton } from './queue-dashboard-button';

const renderButton = (open: (url: string) => void) =>
  render(
    <Provider value={createClient('token')}>
      <QueueDashboardButton open={open} />
    </Provider>,
  );

describe('the queue dashboard button', () => {
  let api: MockApi;
  afterEach(() => api.restore());

  it('asks for a ticket and opens the dashboard with it, where jobs run on Redis', async () => {
    api = mockApi({
      QueueDashboardAvailable: () => ({ queueDashboardAvailable: true }),
      OpenQueueDashboard: () => ({ openQueueDashboard: { url: '/admin/queues/?ticket=abc' } }),
    });
    const open = vi.fn();
    renderButton(open);
    await userEvent.click(await screen.findByRole('button', { name: 'Queue dashboard' }));
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith('/admin/queues/?ticket=abc'));
  });

  it('is not offered in embedded mode, which has no dashboard, and says why', async () => {
    api = mockApi({
      QueueDashboardAvailable: () => ({ queueDashboardAvailable: false }),
      OpenQueueDashboard: () => apiError('CONFLICT', 'The queue dashboard needs Redis'),
    });
    renderButton(vi.fn());
    expect(await screen.findByText(/Not available here: .*embedded mode/)).toBeVisible();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(api.calls.map((c) => c.operation)).toEqual(['QueueDashboardAvailable']);
  });

  it('shows the API’s refusal if the dashboard goes away after the page asked', async () => {
    api = mockApi({
      QueueDashboardAvailable: () => ({ queueDashboardAvailable: true }),
      OpenQueueDashboard: () => apiError('CONFLICT', 'The queue dashboard needs Redis'),
    });
    const open = vi.fn();
    renderButton(open);
    await userEvent.click(await screen.findByRole('button', { name: 'Queue dashboard' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The queue dashboard needs Redis');
    expect(open).not.toHaveBeenCalled();
  });
});
