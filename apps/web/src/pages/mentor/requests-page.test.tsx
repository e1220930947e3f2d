import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../../app';
import { mockApi, signedInAs, type MockApi } from '../../test/mock-api';

const node = (id: string, name: string, status: string) => ({
  id,
  status,
  source: 'DIRECT',
  createdAt: '2025-03-01T08:00:00.000Z',
  decidedAt: status === 'PENDING' ? null : '2025-03-03T08:00:00.000Z',
  expiresAt: '2025-03-15T08:00:00.000Z',
  goals: ['A first export order'],
  organization: { id: `org-${id}`, name, city: 'Garut', economy: { code: 'ID', name: 'Indonesia' } },
  mentor: { id: 'm-1', displayName: 'Demo Mentor' },
});

const page = (nodes: unknown[], totalCount: number, endCursor: string | null, hasNextPage = false) => ({
  mentorshipRequests: { totalCount, nodes, pageInfo: { hasNextPage, endCursor } },
});

describe('the requests list', () => {
  let api: MockApi;
  afterEach(() => api.restore());

  it('lists requests with organisation, mentor, status, dates and goals, and filters by status', async () => {
    api = mockApi({
      ...signedInAs(['MENTOR']),
      MentorshipRequests: ({ filter }) =>
        (filter as { status?: string } | null)?.status === 'PENDING'
          ? page([node('r-1', 'Kopi Lestari', 'PENDING')], 1, 'c1')
          : page(
              [node('r-1', 'Kopi Lestari', 'PENDING'), node('r-2', 'Batik Sejahtera', 'DECLINED')],
              2,
              'c2',
            ),
    });
    const user = userEvent.setup();
    render(<TestApp path="/requests" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Mentorship requests' })).toBeVisible();
    expect(await screen.findByText('2 requests')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Request from Kopi Lestari' });
    expect(link).toHaveAttribute('href', '/requests/r-1');
    const card = link.closest('li')!;
    expect(within(card).getByText('Waiting for an answer')).toBeInTheDocument();
    expect(within(card).getByText('Demo Mentor')).toBeInTheDocument();
    expect(within(card).getByText('Kopi Lestari (Garut, Indonesia)')).toBeInTheDocument();
    expect(within(card).getByText('Expires')).toBeInTheDocument();
    expect(within(card).getByText('A first export order')).toBeInTheDocument();
    const declined = screen.getByRole('link', { name: 'Request from Batik Sejahtera' }).closest('li')!;
    expect(within(declined).getByText('Declined')).toBeInTheDocument();
    expect(within(declined).getByText('Answered')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Status'), 'PENDING');
    await waitFor(() => expect(screen.getByText('1 request')).toBeInTheDocument());
    expect(screen.queryByRole('link', { name: 'Request from Batik Sejahtera' })).not.toBeInTheDocument();
    expect(
      api.calls.filter((c) => c.operation === 'MentorshipRequests').map((c) => c.variables),
    ).toContainEqual({
      filter: { status: 'PENDING' },
      after: null,
    });
  });

  it('loads more with the cursor of the last page', async () => {
    api = mockApi({
      ...signedInAs(['MSME_OWNER']),
      MentorshipRequests: ({ after }) =>
        after === 'c1'
          ? page([node('r-2', 'Batik Sejahtera', 'EXPIRED')], 2, 'c2')
          : page([node('r-1', 'Kopi Lestari', 'PENDING')], 2, 'c1', true),
    });
    const user = userEvent.setup();
    render(<TestApp path="/requests" />);
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Request from Batik Sejahtera' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Request from Kopi Lestari' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument());
  });

  it('says when there are none', async () => {
    api = mockApi({ ...signedInAs(['PROGRAM_MANAGER']), MentorshipRequests: () => page([], 0, null) });
    render(<TestApp path="/requests?status=ACCEPTED" />);
    expect(await screen.findByText('No requests here.')).toBeInTheDocument();
    expect(screen.getByLabelText('Status')).toHaveValue('ACCEPTED');
    expect(api.calls.find((c) => c.operation === 'MentorshipRequests')?.variables).toEqual({
      filter: { status: 'ACCEPTED' },
      after: null,
    });
  });
});
