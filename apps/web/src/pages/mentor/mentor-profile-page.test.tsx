import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../../app';
import { apiError, mockApi, signedInAs, type MockApi } from '../../test/mock-api';

const PROFILE = {
  id: 'm-1',
  headline: 'Export marketing for food producers',
  bio: 'Twenty years in agri-food exports.',
  economy: { code: 'ID' },
  economies: [{ code: 'ID' }, { code: 'TH' }],
  expertiseSectors: [{ code: '10' }],
  expertiseTopics: [{ code: 'EXPORT' }],
  languages: [{ code: 'id' }, { code: 'en' }],
  capacity: 3,
  activeMentorships: 2,
  acceptingRequests: true,
  yearsOfExperience: 20,
  gender: 'WOMAN',
};

const REFERENCE = {
  economies: [
    { code: 'ID', name: 'Indonesia' },
    { code: 'TH', name: 'Thailand' },
    { code: 'VN', name: 'Viet Nam' },
  ],
  sectors: [
    {
      code: 'C',
      title: 'Manufacturing',
      divisions: [
        { code: '10', title: 'Manufacture of food products' },
        { code: '11', title: 'Manufacture of beverages' },
      ],
    },
  ],
  languages: [
    { code: 'en', name: 'English' },
    { code: 'id', name: 'Indonesian' },
    { code: 'th', name: 'Thai' },
  ],
  expertiseTopics: [
    { code: 'EXPORT', label: 'Export and internationalisation' },
    { code: 'FINANCE', label: 'Access to finance' },
  ],
};

const RECOMMENDATION = {
  score: 72,
  organization: {
    id: 'org-1',
    name: 'Kopi Lestari',
    kind: 'MSME',
    city: 'Garut',
    locality: 'RURAL',
    womenLed: true,
    economy: { code: 'ID', name: 'Indonesia' },
    isicDivision: { code: '10', title: 'Manufacture of food products' },
  },
  breakdown: [
    { code: 'SECTOR', points: 25, maxPoints: 25 },
    { code: 'ECONOMY', points: 10, maxPoints: 10 },
    { code: 'INTERNATIONALIZATION', points: 7, maxPoints: 20 },
    { code: 'WOMEN_LED', points: 10, maxPoints: 10 },
    { code: 'TOPICS', points: 10, maxPoints: 25 },
    { code: 'LOCALITY', points: 10, maxPoints: 10 },
  ],
};

function mentorApi(overrides: Record<string, (variables: Record<string, unknown>) => unknown> = {}) {
  return mockApi({
    ...signedInAs(['MENTOR']),
    MentorProfilePage: () => ({ myMentorProfile: PROFILE }),
    Reference: () => REFERENCE,
    MentorRecommendedOrganizations: () => ({ recommendedOrganizations: [RECOMMENDATION] }),
    ...overrides,
  });
}

const upserts = (api: MockApi) => api.calls.filter((c) => c.operation === 'UpsertMentorProfile');

describe('the mentor profile', () => {
  let api: MockApi;
  afterEach(() => api.restore());

  it('shows the places taken of the capacity as a meter and in words', async () => {
    api = mentorApi();
    render(<TestApp path="/mentor/profile" />);
    const meter = await screen.findByRole('meter', { name: 'Places taken' });
    expect(meter).toHaveAttribute('value', '2');
    expect(meter).toHaveAttribute('max', '3');
    expect(screen.getByText('2 of 3 places taken')).toBeInTheDocument();
  });

  it('says when every place is taken', async () => {
    api = mentorApi({
      MentorProfilePage: () => ({ myMentorProfile: { ...PROFILE, activeMentorships: 3 } }),
    });
    render(<TestApp path="/mentor/profile" />);
    expect(await screen.findByText('3 of 3 places taken')).toBeInTheDocument();
    expect(screen.getByText(/All your places are taken/)).toBeInTheDocument();
  });

  it('saves every field of the profile', async () => {
    api = mentorApi({
      UpsertMentorProfile: ({ input }) => ({
        upsertMentorProfile: {
          ...PROFILE,
          ...(input as Record<string, unknown>),
          economy: { code: 'ID' },
          economies: [{ code: 'ID' }, { code: 'TH' }, { code: 'VN' }],
          expertiseSectors: [{ code: '10' }],
          expertiseTopics: [{ code: 'EXPORT' }, { code: 'FINANCE' }],
          languages: [{ code: 'id' }, { code: 'en' }, { code: 'th' }],
        },
      }),
    });
    const user = userEvent.setup();
    render(<TestApp path="/mentor/profile" />);
    const headline = await screen.findByLabelText('Headline');
    expect(headline).toHaveValue(PROFILE.headline);
    await user.clear(headline);
    await user.type(headline, 'Selling abroad, step by step');
    const capacity = screen.getByLabelText('Capacity');
    expect(capacity).toHaveAccessibleDescription(/from 1 to 20/);
    await user.clear(capacity);
    await user.type(capacity, '5');
    await user.click(screen.getByRole('checkbox', { name: 'Viet Nam' }));
    await user.click(screen.getByRole('checkbox', { name: 'Access to finance' }));
    // Languages: chosen ones are chips; more are added from the select.
    const languages = screen.getByRole('group', { name: 'Languages you mentor in' });
    await user.selectOptions(within(languages).getByRole('combobox'), 'th');
    await user.click(within(languages).getByRole('button', { name: 'Add' }));
    await user.click(screen.getByRole('checkbox', { name: 'I am taking new requests' }));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Your profile is saved.')).toBeInTheDocument();
    expect(upserts(api)).toHaveLength(1);
    expect(upserts(api)[0].variables).toEqual({
      input: {
        headline: 'Selling abroad, step by step',
        bio: PROFILE.bio,
        economy: 'ID',
        economies: ['ID', 'TH', 'VN'],
        expertiseSectors: ['10'],
        expertiseTopics: ['EXPORT', 'FINANCE'],
        languages: ['id', 'en', 'th'],
        capacity: 5,
        yearsOfExperience: 20,
        acceptingRequests: false,
        gender: 'WOMAN',
      },
    });
  });

  it('keeps what was typed and marks the field the server rejected', async () => {
    api = mentorApi({
      UpsertMentorProfile: () =>
        apiError(
          'BAD_USER_INPUT',
          'capacity cannot be lower than the 2 mentorships you are running now',
          'capacity',
        ),
    });
    const user = userEvent.setup();
    render(<TestApp path="/mentor/profile" />);
    const capacity = await screen.findByLabelText('Capacity');
    await user.clear(capacity);
    await user.type(capacity, '1');
    await user.clear(screen.getByLabelText('Headline'));
    await user.type(screen.getByLabelText('Headline'), 'New headline');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Please check what you entered.');
    expect(alert).toHaveTextContent('capacity cannot be lower than the 2 mentorships');
    expect(screen.getByLabelText('Capacity')).toHaveValue(1);
    expect(screen.getByLabelText('Capacity')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Capacity')).toHaveAccessibleDescription(/Please check this field\./);
    expect(screen.getByLabelText('Headline')).toHaveValue('New headline');
    expect(screen.getByLabelText('Headline')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Your profile is saved.')).not.toBeInTheDocument();
  });

  it('marks every field of a multi-field rejection', async () => {
    api = mentorApi({
      UpsertMentorProfile: () => ({
        errors: [
          {
            message: 'headline is required; languages at least one language is required',
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [
                { field: 'headline', message: 'is required' },
                { field: 'languages', message: 'at least one language is required' },
              ],
            },
          },
        ],
      }),
    });
    const user = userEvent.setup();
    render(<TestApp path="/mentor/profile" />);
    await user.clear(await screen.findByLabelText('Headline'));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByRole('alert');
    expect(screen.getByLabelText('Headline')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('group', { name: 'Languages you mentor in' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByLabelText('Capacity')).not.toHaveAttribute('aria-invalid');
  });

  it('does not send a capacity outside 1 to 20', async () => {
    api = mentorApi({ UpsertMentorProfile: () => ({ upsertMentorProfile: PROFILE }) });
    const user = userEvent.setup();
    render(<TestApp path="/mentor/profile" />);
    const capacity = await screen.findByLabelText('Capacity');
    await user.clear(capacity);
    await user.type(capacity, '25');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(screen.getByLabelText('Capacity')).toHaveAttribute('aria-invalid', 'true'));
    expect(upserts(api)).toHaveLength(0);
  });

  it('offers to create a profile when there is none yet', async () => {
    api = mentorApi({ MentorProfilePage: () => ({ myMentorProfile: null }) });
    render(<TestApp path="/mentor/profile" />);
    expect(await screen.findByText(/You have no mentor profile yet/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Create profile' })).toBeInTheDocument();
    expect(screen.queryByRole('meter', { name: 'Places taken' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Capacity')).toHaveValue(3);
  });

  it('lists the recommended organisations with their score breakdown', async () => {
    api = mentorApi();
    render(<TestApp path="/mentor/profile" />);
    expect(await screen.findByRole('heading', { name: 'Kopi Lestari' })).toBeInTheDocument();
    expect(screen.getByText('Score 72 of 100')).toBeInTheDocument();
    const bars = screen.getByText('Score breakdown with Kopi Lestari').closest('figure')!;
    expect(within(bars).getByRole('meter', { name: 'Sector: 25 / 25' })).toHaveAttribute('value', '25');
    expect(within(bars).getByRole('meter', { name: 'Export markets: 7 / 20' })).toBeInTheDocument();
    expect(within(bars).getAllByRole('meter')).toHaveLength(6);
  });

  it('is for mentors only', async () => {
    api = mockApi({ ...signedInAs(['MSME_OWNER']) });
    render(<TestApp path="/mentor/profile" />);
    expect(await screen.findByText('You are not allowed to do this.')).toBeInTheDocument();
  });
});
