import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../../app';
import { mockApi, signedInAs, type MockApi } from '../../test/mock-api';
import { ORGANIZATION } from './test-fixtures';

const node = (id: string, status: string, organization: string | null) => ({
  id,
  status,
  startedAt: '2025-01-02T09:00:00.000Z',
  endedAt: status === 'ACTIVE' ? null : '2025-03-01T09:00:00.000Z',
  mentor: { id: 'mentor-1', displayName: 'Dewi Santoso' },
  organization: organization ? { id: 'org-1', name: organization } : null,
  goals: [
    { id: `${id}-g1`, status: 'ACHIEVED' },
    { id: `${id}-g2`, status: 'OPEN' },
  ],
  sessions: [{ id: `${id}-s1` }],
});

describe('the owner’s lists', () => {
  let api: MockApi;
  afterEach(() => api.restore());

  it('lists my organisations with a way to add one', async () => {
    api = mockApi({
      ...signedInAs(['MSME_OWNER']),
      MyOrganizations: () => ({ organizations: { totalCount: 1, nodes: [ORGANIZATION] } }),
    });
    render(<TestApp path="/organizations" />);
    expect(await screen.findByRole('link', { name: 'Kopi Lestari' })).toHaveAttribute(
      'href',
      '/organizations/org-1',
    );
    expect(screen.getByRole('link', { name: 'Add an organisation' })).toHaveAttribute(
      'href',
      '/organizations/new',
    );
    expect(screen.getByRole('link', { name: 'Recommended mentors for Kopi Lestari' })).toBeInTheDocument();
    expect(screen.getByText('Women-led')).toBeInTheDocument();
    expect(screen.getByText('Small enterprise')).toBeInTheDocument();
    expect(api.calls.find((c) => c.operation === 'MyOrganizations')).toBeDefined();
  });

  it('lists mentorships, narrowed by status, with more on request', async () => {
    const user = userEvent.setup();
    api = mockApi({
      ...signedInAs(['MENTOR']),
      MyMentorships: (v) => {
        const status = (v.filter as { status?: string } | null)?.status;
        if (status === 'COMPLETED') {
          return {
            mentorships: {
              totalCount: 1,
              nodes: [node('ms-3', 'COMPLETED', null)],
              pageInfo: { hasNextPage: false, endCursor: 'c3' },
            },
          };
        }
        return v.after
          ? {
              mentorships: {
                totalCount: 2,
                nodes: [node('ms-2', 'ENDED', 'Batik Sari')],
                pageInfo: { hasNextPage: false, endCursor: 'c2' },
              },
            }
          : {
              mentorships: {
                totalCount: 2,
                nodes: [node('ms-1', 'ACTIVE', 'Kopi Lestari')],
                pageInfo: { hasNextPage: true, endCursor: 'c1' },
              },
            };
      },
    });
    render(<TestApp path="/mentorships" />);
    const first = await screen.findByRole('link', { name: 'Kopi Lestari with Dewi Santoso' });
    expect(first).toHaveAttribute('href', '/mentorships/ms-1');
    expect(screen.getByText('2 mentorships')).toBeInTheDocument();
    expect(screen.getByText('Goals achieved: 1 of 2 · Sessions: 1')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Batik Sari with Dewi Santoso' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(api.calls.filter((c) => c.operation === 'MyMentorships').map((c) => c.variables.after)).toEqual([
      null,
      'c1',
    ]);

    await user.selectOptions(screen.getByLabelText('Status'), 'COMPLETED');
    const card = (
      await screen.findByRole('link', { name: 'a deleted organisation with Dewi Santoso' })
    ).closest('li') as HTMLElement;
    expect(within(card).getByText('Completed')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Kopi Lestari with Dewi Santoso' })).not.toBeInTheDocument();
  });
});
