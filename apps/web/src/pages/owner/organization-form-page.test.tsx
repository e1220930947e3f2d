import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../../app';
import { apiError, mockApi, signedInAs, type MockApi } from '../../test/mock-api';
import { ORGANIZATION, RECOMMENDATIONS, REFERENCE } from './test-fixtures';

/** Fills in every required answer of the organisation form. */
async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Name of the organisation'), 'Kopi Lestari');
  await user.selectOptions(screen.getByLabelText('Sector (ISIC section)'), 'C');
  await user.selectOptions(screen.getByLabelText('Activity (ISIC division)'), '10');
  await user.selectOptions(screen.getByLabelText('Economy'), 'ID');
  await user.type(screen.getByLabelText('City or town'), 'Ende');
  await user.click(screen.getByRole('radio', { name: /Rural/ }));
  await user.type(screen.getByLabelText('Number of employees'), '12');
  await user.type(screen.getByLabelText('Share owned by women (%)'), '60');
  await user.click(
    screen.getByRole('checkbox', { name: 'A woman is CEO, COO, President or Vice-President' }),
  );
  const languages = screen.getByRole('group', { name: 'Languages you work in' });
  await user.click(within(languages).getByRole('checkbox', { name: 'Indonesian' }));
}

describe('the organisation form', { timeout: 20_000 }, () => {
  let api: MockApi;
  afterEach(() => api.restore());

  it('creates an organisation from every answer and opens its page', async () => {
    const user = userEvent.setup();
    api = mockApi({
      ...signedInAs(['MSME_OWNER']),
      Reference: () => REFERENCE,
      CreateOrganization: () => ({ createOrganization: ORGANIZATION }),
      OwnerOrganization: () => ({ organization: ORGANIZATION }),
      RecommendedMentors: () => ({ recommendedMentors: RECOMMENDATIONS }),
    });
    render(<TestApp path="/organizations/new" />);
    expect(await screen.findByRole('heading', { name: 'Add an organisation', level: 1 })).toBeInTheDocument();
    await fillRequired(user);
    // The derived status is previewed, never ticked.
    expect(screen.getByText('Size class: Small enterprise.')).toBeInTheDocument();
    expect(screen.getByText('From these answers — women-owned: Yes; women-led: Yes.')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'The organisation has a board' }));
    await user.type(screen.getByLabelText('Share of women on the board (%)'), '25');
    expect(screen.getByText('From these answers — women-owned: Yes; women-led: No.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Mentors wanted at once'), '2');
    const needs = screen.getByRole('group', { name: 'What you need help with' });
    await user.click(within(needs).getByRole('checkbox', { name: 'Export and internationalisation' }));
    const markets = screen.getByRole('group', { name: 'Export markets you aim for' });
    await user.click(within(markets).getByRole('checkbox', { name: 'Singapore' }));
    await user.click(screen.getByRole('button', { name: 'Save organisation' }));

    expect(await screen.findByRole('heading', { name: 'Kopi Lestari', level: 1 })).toBeInTheDocument();
    expect(screen.getByText(/^The organisation was saved\./)).toHaveAttribute('role', 'status');
    const create = api.calls.find((c) => c.operation === 'CreateOrganization');
    expect(create?.variables).toEqual({
      input: {
        name: 'Kopi Lestari',
        description: '',
        kind: 'MSME',
        isicDivision: '10',
        economy: 'ID',
        city: 'Ende',
        locality: 'RURAL',
        cluster: null,
        employees: 12,
        foundedYear: null,
        womenOwnershipPercent: 60,
        womanInTopManagement: true,
        boardWomenPercent: 25,
        youthLed: false,
        socialEnterprise: false,
        prefersWomanMentor: false,
        mentorsWanted: 2,
        needs: ['EXPORT'],
        targetEconomies: ['SG'],
        languages: ['id'],
      },
    });
  });

  it('checks the answers before sending, naming each field to mend', async () => {
    const user = userEvent.setup();
    api = mockApi({ ...signedInAs(['MSME_OWNER']), Reference: () => REFERENCE });
    render(<TestApp path="/organizations/new" />);
    await user.type(await screen.findByLabelText('Number of employees'), '-3');
    await user.click(screen.getByRole('button', { name: 'Save organisation' }));
    expect(screen.getByLabelText('Name of the organisation')).toHaveAccessibleDescription(
      'Enter the name of the organisation.',
    );
    expect(screen.getByLabelText('Number of employees')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Choose at least one language.')).toBeInTheDocument();
    // The first field to mend takes the focus.
    expect(screen.getByLabelText('Name of the organisation')).toHaveFocus();
    expect(api.calls.some((c) => c.operation === 'CreateOrganization')).toBe(false);
  });

  it('keeps what was typed when the server refuses, and marks the field it named', async () => {
    const user = userEvent.setup();
    api = mockApi({
      ...signedInAs(['MSME_OWNER']),
      Reference: () => REFERENCE,
      CreateOrganization: () => ({
        errors: [
          {
            message: 'foundedYear must be between 1800 and 2025',
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [{ field: 'foundedYear', message: 'must be between 1800 and 2025' }],
            },
          },
        ],
      }),
    });
    render(<TestApp path="/organizations/new" />);
    await fillRequired(user);
    await user.type(screen.getByLabelText('Year founded'), '1990');
    await user.click(screen.getByRole('button', { name: 'Save organisation' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Please check what you entered.');
    expect(alert).toHaveTextContent('foundedYear must be between 1800 and 2025');
    const year = screen.getByLabelText('Year founded');
    expect(year).toHaveAttribute('aria-invalid', 'true');
    expect(year).toHaveAccessibleDescription(/Enter a year from 1800 to \d{4}, or leave it empty\./);
    // Nothing typed is lost.
    expect(year).toHaveValue(1990);
    expect(screen.getByLabelText('Name of the organisation')).toHaveValue('Kopi Lestari');
    expect(screen.getByLabelText('Activity (ISIC division)')).toHaveValue('10');
    expect(screen.getByLabelText('Share owned by women (%)')).toHaveValue(60);
    expect(screen.getByRole('heading', { name: 'Add an organisation', level: 1 })).toBeInTheDocument();
  });

  it('also marks a field named by extensions.field', async () => {
    const user = userEvent.setup();
    api = mockApi({
      ...signedInAs(['MSME_OWNER']),
      Reference: () => REFERENCE,
      CreateOrganization: () => apiError('BAD_USER_INPUT', 'name is taken here', 'name'),
    });
    render(<TestApp path="/organizations/new" />);
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Save organisation' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Name of the organisation')).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(screen.getByLabelText('Name of the organisation')).toHaveValue('Kopi Lestari');
  });

  it('edits an organisation, sending only what changed', async () => {
    const user = userEvent.setup();
    api = mockApi({
      ...signedInAs(['MSME_OWNER']),
      Reference: () => REFERENCE,
      OwnerOrganization: () => ({ organization: ORGANIZATION }),
      UpdateOrganization: () => ({
        updateOrganization: { ...ORGANIZATION, employees: 60, sizeClass: 'MEDIUM' },
      }),
      RecommendedMentors: () => ({ recommendedMentors: RECOMMENDATIONS }),
    });
    render(<TestApp path="/organizations/org-1/edit" />);
    expect(await screen.findByRole('heading', { name: 'Edit Kopi Lestari', level: 1 })).toBeInTheDocument();
    const employees = await screen.findByLabelText('Number of employees');
    expect(employees).toHaveValue(12);
    expect(screen.getByLabelText('Activity (ISIC division)')).toHaveValue('10');
    await user.clear(employees);
    await user.type(employees, '60');
    expect(screen.getByText('Size class: Medium enterprise.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('heading', { name: 'Kopi Lestari', level: 1 })).toBeInTheDocument();
    const update = api.calls.find((c) => c.operation === 'UpdateOrganization');
    expect(update?.variables).toEqual({ id: 'org-1', input: { employees: 60 } });
  });
});
