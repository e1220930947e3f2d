import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../../app';
import { apiError, mockApi, signedInAs, type MockApi } from '../../test/mock-api';
import { ORGANIZATION, RECOMMENDATIONS, REFERENCE } from './test-fixtures';

const pageApi = (extra: Record<string, (variables: Record<string, unknown>) => unknown> = {}) => ({
  ...signedInAs(['MSME_OWNER']),
  Reference: () => REFERENCE,
  OwnerOrganization: () => ({ organization: ORGANIZATION }),
  RecommendedMentors: () => ({ recommendedMentors: RECOMMENDATIONS }),
  ...extra,
});

/** The card of one recommended mentor, found by its heading. */
const card = async (name: string) => (await screen.findByRole('article', { name })) as HTMLElement;

describe('an organisation and its recommended mentors', { timeout: 20_000 }, () => {
  let api: MockApi;
  afterEach(() => api.restore());

  it('shows the facts with the derived status', async () => {
    api = mockApi(pageApi());
    render(<TestApp path="/organizations/org-1" />);
    expect(await screen.findByRole('heading', { name: 'Kopi Lestari', level: 1 })).toBeInTheDocument();
    const facts = screen.getByRole('region', { name: 'Facts' });
    expect(within(facts).getByText('12 employees (Small enterprise)')).toBeInTheDocument();
    expect(within(facts).getByText('Women-led', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      'Yes',
    );
    expect(within(facts).getByText('No board')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit organisation' })).toHaveAttribute(
      'href',
      '/organizations/org-1/edit',
    );
  });

  it('explains each score with bars and reasons, and records interest', async () => {
    const user = userEvent.setup();
    api = mockApi(
      pageApi({
        SetMatchInterest: (v) => ({
          setMatchInterest: { side: 'ORGANIZATION', interest: v.interest ?? null },
        }),
      }),
    );
    render(<TestApp path="/organizations/org-1" />);
    const dewi = await card('Dewi Santoso');
    expect(within(dewi).getByText('Match score: 82 / 100')).toBeInTheDocument();
    // One bar per component, labelled in words and numbers.
    const bars = within(dewi).getAllByRole('meter');
    expect(bars).toHaveLength(6);
    expect(within(dewi).getByRole('meter', { name: 'Sector: 25 / 25' })).toHaveAttribute('value', '25');
    expect(within(dewi).getByRole('meter', { name: 'Needs and expertise: 7 / 25' })).toBeInTheDocument();
    expect(within(dewi).getByRole('meter', { name: 'Export markets: 20 / 20' })).toBeInTheDocument();
    // The reasons, under the same labels.
    expect(within(dewi).getByText('Same ISIC division (10)')).toBeInTheDocument();
    expect(within(dewi).getByText('Knows 1 of 1 needed topics').closest('li')).toHaveTextContent(
      'Needs and expertise: Knows 1 of 1 needed topics',
    );

    const interested = within(dewi).getByRole('button', { name: 'Interested' });
    expect(interested).toHaveAttribute('aria-pressed', 'false');
    await user.click(interested);
    await waitFor(() => expect(interested).toHaveAttribute('aria-pressed', 'true'));
    expect(within(dewi).getByText(/Marked as interested/)).toBeInTheDocument();
    expect(api.calls.filter((c) => c.operation === 'SetMatchInterest').map((c) => c.variables)).toEqual([
      { organizationId: 'org-1', mentorId: 'mentor-1', interest: 'INTERESTED' },
    ]);

    // Not interested in the other one; pressing again clears the signal.
    const tan = await card('Tan Wei Ming');
    const notInterested = within(tan).getByRole('button', { name: 'Not interested' });
    await user.click(notInterested);
    await waitFor(() => expect(notInterested).toHaveAttribute('aria-pressed', 'true'));
    await user.click(notInterested);
    await waitFor(() => expect(notInterested).toHaveAttribute('aria-pressed', 'false'));
    expect(api.calls.filter((c) => c.operation === 'SetMatchInterest').map((c) => c.variables)).toEqual([
      { organizationId: 'org-1', mentorId: 'mentor-1', interest: 'INTERESTED' },
      { organizationId: 'org-1', mentorId: 'mentor-2', interest: 'NOT_INTERESTED' },
      { organizationId: 'org-1', mentorId: 'mentor-2', interest: null },
    ]);
  });

  it('shows the marks made earlier, as the API returns them with the list', async () => {
    api = mockApi(
      pageApi({
        RecommendedMentors: () => ({
          recommendedMentors: RECOMMENDATIONS.map((r, i) => ({
            ...r,
            interest: i === 1 ? 'NOT_INTERESTED' : null,
          })),
        }),
      }),
    );
    render(<TestApp path="/organizations/org-1" />);
    const tan = await card('Tan Wei Ming');
    expect(within(tan).getByRole('button', { name: 'Not interested' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const dewi = await card('Dewi Santoso');
    expect(within(dewi).getByRole('button', { name: 'Interested' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('narrows the list in the browser', async () => {
    const user = userEvent.setup();
    api = mockApi(pageApi());
    render(<TestApp path="/organizations/org-1" />);
    await card('Tan Wei Ming');
    expect(screen.getByText('Showing 2 of 2 mentors.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Match score'), '60');
    expect(screen.queryByRole('article', { name: 'Tan Wei Ming' })).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Dewi Santoso' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Match score'), '0');
    await user.selectOptions(screen.getByLabelText('Speaks'), 'id');
    expect(screen.queryByRole('article', { name: 'Tan Wei Ming' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Speaks'), '');
    await user.selectOptions(screen.getByLabelText('Based in'), 'SG');
    expect(screen.queryByRole('article', { name: 'Dewi Santoso' })).not.toBeInTheDocument();
    expect(screen.getByText('Showing 1 of 1 mentors.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Based in'), '__same__');
    expect(screen.getByRole('article', { name: 'Dewi Santoso' })).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Tan Wei Ming' })).not.toBeInTheDocument();
    // Only what the API sent was used: one fetch of the list.
    expect(api.calls.filter((c) => c.operation === 'RecommendedMentors')).toHaveLength(1);
  });

  it('sends a mentorship request with message, goals and rerouting', async () => {
    const user = userEvent.setup();
    api = mockApi(
      pageApi({
        RequestMentorship: () => ({
          requestMentorship: {
            id: 'req-9',
            status: 'PENDING',
            expiresAt: '2025-01-24T08:00:00.000Z',
            organization: { id: 'org-1', openRequests: 2 },
          },
        }),
      }),
    );
    render(<TestApp path="/organizations/org-1" />);
    const dewi = await card('Dewi Santoso');
    const open = within(dewi).getByRole('button', { name: 'Request mentorship' });
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    const form = within(dewi).getByRole('form', { name: 'Ask Dewi Santoso for mentoring' });
    await user.type(
      within(form).getByLabelText('Your message'),
      'We want to export our coffee to Singapore.',
    );
    await user.type(within(form).getByLabelText('Goal 1'), 'A distributor in Singapore');
    await user.click(within(form).getByRole('button', { name: 'Add a goal' }));
    expect(within(form).getByLabelText('Goal 2')).toHaveFocus();
    await user.type(within(form).getByLabelText('Goal 2'), 'Halal certification');
    await user.click(within(form).getByRole('button', { name: 'Add a goal' }));
    await user.click(
      within(form).getByRole('checkbox', {
        name: 'Send my request on to another mentor if this one does not answer in time',
      }),
    );
    await user.click(within(form).getByRole('button', { name: 'Send request' }));

    expect(await within(dewi).findByText(/Your request was sent to Dewi Santoso/)).toBeInTheDocument();
    expect(within(dewi).getByRole('link', { name: 'View your request' })).toHaveAttribute(
      'href',
      '/requests/req-9',
    );
    expect(within(dewi).queryByRole('button', { name: 'Request mentorship' })).not.toBeInTheDocument();
    expect(api.calls.find((c) => c.operation === 'RequestMentorship')?.variables).toEqual({
      input: {
        organizationId: 'org-1',
        mentorId: 'mentor-1',
        message: 'We want to export our coffee to Singapore.',
        // The empty third goal is left out.
        goals: ['A distributor in Singapore', 'Halal certification'],
        autoReroute: true,
      },
    });
  });

  it('says why a request was refused and keeps the message', async () => {
    const user = userEvent.setup();
    api = mockApi(
      pageApi({
        RequestMentorship: () =>
          apiError('TOO_MANY_OPEN_REQUESTS', 'This organisation already has 3 open requests'),
      }),
    );
    const { unmount } = render(<TestApp path="/organizations/org-1" />);
    const dewi = await card('Dewi Santoso');
    await user.click(within(dewi).getByRole('button', { name: 'Request mentorship' }));
    await user.type(within(dewi).getByLabelText('Your message'), 'Please help us export.');
    await user.click(within(dewi).getByRole('button', { name: 'Send request' }));

    const alert = await within(dewi).findByRole('alert');
    expect(alert).toHaveTextContent(
      'This organisation already has as many open requests as allowed. Wait for answers or cancel one.',
    );
    expect(alert).toHaveAttribute('data-error-code', 'TOO_MANY_OPEN_REQUESTS');
    expect(within(dewi).getByLabelText('Your message')).toHaveValue('Please help us export.');
    expect(within(dewi).getByRole('button', { name: 'Send request' })).toBeEnabled();

    // Leaving the page (or logging in again after the session ran out) loses nothing typed.
    unmount();
    render(<TestApp path="/organizations/org-1" />);
    const again = await card('Dewi Santoso');
    await user.click(within(again).getByRole('button', { name: 'Request mentorship' }));
    expect(within(again).getByLabelText('Your message')).toHaveValue('Please help us export.');
  });

  it('asks for a message before sending', async () => {
    const user = userEvent.setup();
    api = mockApi(pageApi());
    render(<TestApp path="/organizations/org-1" />);
    const dewi = await card('Dewi Santoso');
    await user.click(within(dewi).getByRole('button', { name: 'Request mentorship' }));
    await user.click(within(dewi).getByRole('button', { name: 'Send request' }));
    expect(within(dewi).getByLabelText('Your message')).toHaveAccessibleDescription(
      /Write a message to the mentor\./,
    );
    expect(within(dewi).getByLabelText('Your message')).toHaveFocus();
    expect(api.calls.some((c) => c.operation === 'RequestMentorship')).toBe(false);
  });

  it('lets a programme manager see the recommendations without acting on them', async () => {
    api = mockApi({
      ...pageApi(),
      ...signedInAs(['PROGRAM_MANAGER'], { id: 'manager-1' }),
    });
    render(<TestApp path="/organizations/org-1" />);
    const dewi = await card('Dewi Santoso');
    expect(within(dewi).getAllByRole('meter')).toHaveLength(6);
    expect(within(dewi).queryByRole('button', { name: 'Interested' })).not.toBeInTheDocument();
    expect(within(dewi).queryByRole('button', { name: 'Request mentorship' })).not.toBeInTheDocument();
  });
});
