import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../../app';
import { apiError, mockApi, signedInAs, type MockApi } from '../../test/mock-api';

const BREAKDOWN = [
  { code: 'SECTOR', points: 15, maxPoints: 25, reason: 'Same ISIC section (C)' },
  { code: 'ECONOMY', points: 7, maxPoints: 10, reason: 'Has worked in Indonesia' },
  { code: 'INTERNATIONALIZATION', points: 10, maxPoints: 20, reason: '1 of 2 target economies' },
  { code: 'WOMEN_LED', points: 10, maxPoints: 10, reason: 'Women-led organisation' },
  { code: 'TOPICS', points: 25, maxPoints: 25, reason: 'All needs covered' },
  { code: 'LOCALITY', points: 6, maxPoints: 10, reason: 'Sub-regional town' },
];

const ORGANIZATION = {
  id: 'org-1',
  name: 'Batik Sejahtera',
  kind: 'MSME',
  description: 'Hand-drawn batik from Pekalongan.',
  city: 'Pekalongan',
  cluster: 'Pekalongan batik cluster',
  locality: 'SUB_REGIONAL',
  employees: 12,
  sizeClass: 'SMALL',
  foundedYear: 2009,
  womenLed: true,
  womenOwned: true,
  youthLed: false,
  socialEnterprise: false,
  prefersWomanMentor: false,
  mentorsWanted: 1,
  economy: { code: 'ID', name: 'Indonesia' },
  isicDivision: {
    code: '13',
    title: 'Manufacture of textiles',
    section: { code: 'C', title: 'Manufacturing' },
  },
  needs: [{ code: 'EXPORT', label: 'Export and internationalisation' }],
  languages: [{ code: 'id', name: 'Indonesian' }],
  targetEconomies: [
    { code: 'JP', name: 'Japan' },
    { code: 'AU', name: 'Australia' },
  ],
  owner: { id: 'owner-1' },
};

const REQUEST = {
  id: 'r-1',
  status: 'PENDING',
  source: 'DIRECT',
  autoReroute: false,
  createdAt: '2025-03-01T08:00:00.000Z',
  decidedAt: null,
  expiresAt: '2025-03-15T08:00:00.000Z',
  message: 'We would value your advice on selling abroad.',
  goals: ['A first export order', 'A price list for distributors'],
  declineReason: null,
  declineComment: null,
  mentor: { id: 'm-1', displayName: 'Demo Mentor', headline: 'Export marketing' },
  mentorship: null,
  organization: ORGANIZATION,
  suggestedMentors: [],
  match: { score: 73, breakdown: BREAKDOWN },
};

type Handlers = Record<string, (variables: Record<string, unknown>) => unknown>;

function asMentor(request: Record<string, unknown> = {}, handlers: Handlers = {}) {
  return mockApi({
    ...signedInAs(['MENTOR'], { id: 'mentor-user' }),
    MyMentorProfileId: () => ({ myMentorProfile: { id: 'm-1' } }),
    MentorshipRequestPage: () => ({ mentorshipRequest: { ...REQUEST, ...request } }),
    ...handlers,
  });
}

const callsOf = (api: MockApi, operation: string) => api.calls.filter((c) => c.operation === operation);

describe('a request, for the mentor it is addressed to', () => {
  let api: MockApi;
  afterEach(() => api.restore());

  it("shows the organisation's profile and the pair's score breakdown", async () => {
    api = asMentor();
    render(<TestApp path="/requests/r-1" />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Request from Batik Sejahtera' }),
    ).toBeVisible();
    expect(screen.getByText('We would value your advice on selling abroad.')).toBeInTheDocument();
    expect(screen.getByText('A first export order')).toBeInTheDocument();
    const about = screen.getByRole('region', { name: 'About Batik Sejahtera' });
    expect(within(about).getByText('12 employees (small)')).toBeInTheDocument();
    expect(within(about).getByText('Sub-regional town')).toBeInTheDocument();
    expect(within(about).getByText('Japan, Australia')).toBeInTheDocument();
    const match = await screen.findByRole('region', { name: 'How well you match' });
    expect(await within(match).findByText('Score 73 of 100')).toBeInTheDocument();
    expect(within(match).getByRole('meter', { name: 'Sector: 15 / 25' })).toHaveAttribute('value', '15');
    expect(within(match).getByRole('meter', { name: 'Locality: 6 / 10' })).toBeInTheDocument();
  });

  it('says so when the pair no longer has a score', async () => {
    api = asMentor({ match: null });
    render(<TestApp path="/requests/r-1" />);
    expect(await screen.findByText(/No score for this pair/)).toBeInTheDocument();
  });

  it('accepts: sends the mutation and links to the mentorship that started', async () => {
    api = asMentor(
      {},
      {
        AcceptMentorshipRequest: () => ({
          acceptMentorshipRequest: {
            id: 'r-1',
            status: 'ACCEPTED',
            decidedAt: '2025-03-02T08:00:00.000Z',
            mentorship: { id: 'ms-9', status: 'ACTIVE' },
          },
        }),
      },
    );
    const user = userEvent.setup();
    render(<TestApp path="/requests/r-1" />);
    await user.click(await screen.findByRole('button', { name: 'Accept request' }));
    expect(
      await screen.findByText('You accepted the request: the mentorship has started.'),
    ).toBeInTheDocument();
    expect(callsOf(api, 'AcceptMentorshipRequest')).toEqual([
      { operation: 'AcceptMentorshipRequest', variables: { id: 'r-1' } },
    ]);
    expect(screen.getByRole('link', { name: 'Open the mentorship' })).toHaveAttribute(
      'href',
      '/mentorships/ms-9',
    );
    expect(screen.queryByRole('button', { name: 'Accept request' })).not.toBeInTheDocument();
  });

  it('shows CAPACITY_FULL when every place is taken, and keeps the request open', async () => {
    api = asMentor(
      {},
      { AcceptMentorshipRequest: () => apiError('CAPACITY_FULL', 'Mentor capacity is full') },
    );
    const user = userEvent.setup();
    render(<TestApp path="/requests/r-1" />);
    await user.click(await screen.findByRole('button', { name: 'Accept request' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The mentor has no free places left.');
    expect(alert).toHaveAttribute('data-error-code', 'CAPACITY_FULL');
    expect(screen.getByRole('button', { name: 'Accept request' })).toBeEnabled();
    expect(screen.queryByRole('link', { name: 'Open the mentorship' })).not.toBeInTheDocument();
  });

  it('shows ALREADY_DECIDED and reloads the request', async () => {
    let decided = false;
    api = asMentor(
      {},
      {
        MentorshipRequestPage: () => ({
          mentorshipRequest: decided
            ? { ...REQUEST, status: 'EXPIRED', decidedAt: '2025-03-15T08:00:00.000Z' }
            : REQUEST,
        }),
        AcceptMentorshipRequest: () => {
          decided = true;
          return apiError('ALREADY_DECIDED', 'Request already decided');
        },
      },
    );
    const user = userEvent.setup();
    render(<TestApp path="/requests/r-1" />);
    await user.click(await screen.findByRole('button', { name: 'Accept request' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This request has already been answered, cancelled or has expired.',
    );
    expect(await screen.findByText('This request is no longer waiting for an answer.')).toBeInTheDocument();
    expect(screen.getAllByText('Expired').length).toBeGreaterThan(0);
  });

  it('declines only with a reason, and sends the reason and comment', async () => {
    api = asMentor(
      {},
      {
        DeclineMentorshipRequest: (variables) => ({
          declineMentorshipRequest: {
            id: 'r-1',
            status: 'DECLINED',
            decidedAt: '2025-03-02T08:00:00.000Z',
            declineReason: variables.reason,
            declineComment: variables.comment,
          },
        }),
      },
    );
    const user = userEvent.setup();
    render(<TestApp path="/requests/r-1" />);
    await user.click(await screen.findByRole('button', { name: 'Decline request…' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Decline this request' })).toHaveFocus());
    const reasons = screen.getByRole('group', { name: 'Why are you declining?' });
    expect(within(reasons).getAllByRole('radio')).toHaveLength(5);

    await user.click(screen.getByRole('button', { name: 'Confirm decline' }));
    expect(screen.getByText('Choose a reason.')).toBeInTheDocument();
    expect(reasons).toHaveAttribute('aria-invalid', 'true');
    expect(callsOf(api, 'DeclineMentorshipRequest')).toHaveLength(0);

    await user.click(within(reasons).getByRole('radio', { name: 'It is outside my expertise' }));
    await user.type(
      screen.getByLabelText('Comment for the organisation (optional)'),
      '  Try a textile export specialist.  ',
    );
    await user.click(screen.getByRole('button', { name: 'Confirm decline' }));
    expect(
      await screen.findByText('You declined the request. The organisation has been told.'),
    ).toBeInTheDocument();
    expect(callsOf(api, 'DeclineMentorshipRequest').map((c) => c.variables)).toEqual([
      { id: 'r-1', reason: 'OUTSIDE_EXPERTISE', comment: 'Try a textile export specialist.' },
    ]);
  });

  it('sends no comment when none is written, and can step back from declining', async () => {
    api = asMentor(
      {},
      {
        DeclineMentorshipRequest: () => ({
          declineMentorshipRequest: {
            id: 'r-1',
            status: 'DECLINED',
            decidedAt: '2025-03-02T08:00:00.000Z',
            declineReason: 'TIMING',
            declineComment: null,
          },
        }),
      },
    );
    const user = userEvent.setup();
    render(<TestApp path="/requests/r-1" />);
    await user.click(await screen.findByRole('button', { name: 'Decline request…' }));
    await user.click(screen.getByRole('button', { name: 'Keep the request open' }));
    expect(screen.getByRole('button', { name: 'Accept request' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Decline request…' }));
    await user.click(screen.getByRole('radio', { name: 'The timing does not suit me' }));
    await user.click(screen.getByRole('button', { name: 'Confirm decline' }));
    await waitFor(() => expect(callsOf(api, 'DeclineMentorshipRequest')).toHaveLength(1));
    expect(callsOf(api, 'DeclineMentorshipRequest')[0].variables).toEqual({
      id: 'r-1',
      reason: 'TIMING',
      comment: null,
    });
  });

  it('links an accepted request to its mentorship', async () => {
    api = asMentor({ status: 'ACCEPTED', mentorship: { id: 'ms-3', status: 'ACTIVE' } });
    render(<TestApp path="/requests/r-1" />);
    expect(await screen.findByRole('link', { name: 'Open the mentorship' })).toHaveAttribute(
      'href',
      '/mentorships/ms-3',
    );
    expect(screen.queryByRole('button', { name: 'Accept request' })).not.toBeInTheDocument();
  });
});

describe("a request, for the organisation's owner", () => {
  let api: MockApi;
  afterEach(() => api.restore());

  const asOwner = (request: Record<string, unknown>, handlers: Handlers = {}) =>
    mockApi({
      ...signedInAs(['MSME_OWNER'], { id: 'owner-1' }),
      MentorshipRequestPage: () => ({ mentorshipRequest: { ...REQUEST, ...request } }),
      ...handlers,
    });

  it('cancels a pending request after confirming', async () => {
    api = asOwner(
      {},
      {
        CancelMentorshipRequest: () => ({
          cancelMentorshipRequest: { id: 'r-1', status: 'CANCELLED', decidedAt: '2025-03-02T08:00:00.000Z' },
        }),
      },
    );
    const user = userEvent.setup();
    render(<TestApp path="/requests/r-1" />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Request from Batik Sejahtera' }),
    ).toBeVisible();
    // The mentor's buttons are not the owner's.
    expect(screen.queryByRole('button', { name: 'Accept request' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel request…' }));
    expect(callsOf(api, 'CancelMentorshipRequest')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Yes, cancel the request' }));
    await waitFor(() =>
      expect(callsOf(api, 'CancelMentorshipRequest').map((c) => c.variables)).toEqual([{ id: 'r-1' }]),
    );
    expect(callsOf(api, 'MyMentorProfileId')).toHaveLength(0);
  });

  it('offers the suggested mentors after a decline, with the way to ask them', async () => {
    api = asOwner({
      status: 'DECLINED',
      decidedAt: '2025-03-02T08:00:00.000Z',
      declineReason: 'NO_CAPACITY',
      declineComment: 'Full until June.',
      suggestedMentors: [
        {
          score: 81,
          mentor: {
            id: 'm-2',
            displayName: 'Ana Reyes',
            headline: 'Textiles and export',
            economy: { code: 'PH', name: 'The Philippines' },
          },
          breakdown: BREAKDOWN,
        },
      ],
    });
    render(<TestApp path="/requests/r-1" />);
    expect(await screen.findByText('I have no free places')).toBeInTheDocument();
    expect(screen.getByText('Full until June.')).toBeInTheDocument();
    const suggestions = screen.getByRole('region', { name: 'Other mentors to ask' });
    expect(within(suggestions).getByRole('heading', { name: 'Ana Reyes' })).toBeInTheDocument();
    expect(within(suggestions).getByText(/Score 81 of 100/)).toBeInTheDocument();
    expect(
      within(suggestions).getByRole('link', { name: 'Ask Ana Reyes from the organisation’s page' }),
    ).toHaveAttribute('href', '/organizations/org-1');
    expect(screen.queryByRole('button', { name: 'Cancel request…' })).not.toBeInTheDocument();
  });
});
