import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../../app';
import { apiError, mockApi, signedInAs, type MockApi } from '../../test/mock-api';
import { asManager, ECONOMIES, PROGRAM } from './test-fixtures';

const programPage = {
  ManagerProgram: () => ({ program: { ...PROGRAM, id: 'p9', name: 'Pilot' }, economies: ECONOMIES }),
  ProgramCohortMix: () => ({
    programReport: { totals: { organizations: 0 }, byWomenLed: [], byLocality: [] },
  }),
};

describe('the programmes page', () => {
  let api: MockApi;
  afterEach(() => api.restore());

  it('lists the programmes with their dates and cohorts', async () => {
    api = mockApi({
      ...asManager(),
      ManagerPrograms: () => ({ programs: [PROGRAM], economies: ECONOMIES }),
    });
    render(<TestApp path="/programs" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Programmes' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Your programmes' });
    expect(within(list).getByRole('link', { name: 'Forum II — Thailand (2019)' })).toHaveAttribute(
      'href',
      '/programs/p1',
    );
    expect(within(list).getByText('Thailand')).toBeInTheDocument();
    expect(within(list).getByText('14 organisations and 12 mentors in the cohort')).toBeInTheDocument();
    expect(within(list).getByText('Jan 1, 2019 to Dec 31, 2019')).toBeInTheDocument();
  });

  it('offers only the economies the manager manages', async () => {
    api = mockApi({ ...asManager(), ManagerPrograms: () => ({ programs: [], economies: ECONOMIES }) });
    render(<TestApp path="/programs" />);
    const economies = await screen.findByRole('group', { name: 'Economies' });
    expect(
      within(economies)
        .getAllByRole('checkbox')
        .map((c) => (c as HTMLInputElement).value),
    ).toEqual(['TH', 'PH']);
    expect(
      await screen.findByText('There are no programmes yet. Create the first one below.'),
    ).toBeInTheDocument();
  });

  it('checks the form, keeps the weights summing to 100, then creates the programme', async () => {
    api = mockApi({
      ...asManager(),
      ManagerPrograms: () => ({ programs: [], economies: ECONOMIES }),
      CreateProgram: ({ input }) => ({
        createProgram: {
          ...PROGRAM,
          ...(input as object),
          id: 'p9',
          cohort: { organizations: 0, mentors: 0 },
        },
      }),
      ...programPage,
    });
    const user = userEvent.setup();
    render(<TestApp path="/programs" />);
    await user.click(await screen.findByRole('button', { name: 'Create programme' }));
    expect(screen.getByText('Give the programme a name.')).toBeInTheDocument();
    expect(screen.getByText('Choose at least one economy.')).toBeInTheDocument();
    expect(screen.getAllByText('Enter a date.')).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Starts on'), { target: { value: '1999-12-31' } });
    fireEvent.change(screen.getByLabelText('Ends on'), { target: { value: '9999-12-31' } });
    expect(screen.getAllByText('Choose a date from 2000-01-01 to 2100-12-31.')).toHaveLength(2);

    await user.type(screen.getByLabelText('Programme name'), 'Pilot');
    await user.click(screen.getByRole('checkbox', { name: 'Thailand' }));
    fireEvent.change(screen.getByLabelText('Starts on'), { target: { value: '2025-03-01' } });
    fireEvent.change(screen.getByLabelText('Ends on'), { target: { value: '2025-02-01' } });
    await user.click(screen.getByRole('checkbox', { name: 'Give this programme its own score weights' }));
    expect(screen.getByText('Total: 100 of 100.')).toBeInTheDocument();
    const sector = screen.getByRole('spinbutton', { name: 'Sector' });
    await user.clear(sector);
    await user.type(sector, '30');
    expect(screen.getByText(/Total: 105 of 100\./)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create programme' }));
    expect(screen.getByText('The end must not be before the start.')).toBeInTheDocument();
    expect(
      screen.getByText('Total: 105 of 100. The weights must add up to exactly 100.'),
    ).toBeInTheDocument();
    expect(api.calls.some((c) => c.operation === 'CreateProgram')).toBe(false);

    fireEvent.change(screen.getByLabelText('Ends on'), { target: { value: '2025-12-31' } });
    const topics = screen.getByRole('spinbutton', { name: 'Topics' });
    await user.clear(topics);
    await user.type(topics, '20');
    expect(screen.getByText('Total: 100 of 100.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create programme' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Pilot' })).toBeInTheDocument();
    expect(api.calls.filter((c) => c.operation === 'CreateProgram')).toEqual([
      {
        operation: 'CreateProgram',
        variables: {
          input: {
            name: 'Pilot',
            economies: ['TH'],
            startsOn: '2025-03-01',
            endsOn: '2025-12-31',
            weights: {
              sector: 30,
              topics: 20,
              internationalization: 20,
              economy: 10,
              locality: 10,
              womenLed: 10,
            },
          },
        },
      },
    ]);
  });

  it('sends no weights unless asked, and keeps the form when the API refuses', async () => {
    api = mockApi({
      ...asManager(),
      ManagerPrograms: () => ({ programs: [], economies: ECONOMIES }),
      CreateProgram: () => apiError('FORBIDDEN', 'You do not manage economy PH'),
    });
    const user = userEvent.setup();
    render(<TestApp path="/programs" />);
    await user.type(await screen.findByLabelText('Programme name'), 'Pilot');
    await user.click(screen.getByRole('checkbox', { name: 'The Philippines' }));
    fireEvent.change(screen.getByLabelText('Starts on'), { target: { value: '2025-03-01' } });
    fireEvent.change(screen.getByLabelText('Ends on'), { target: { value: '2025-03-01' } });
    await user.click(screen.getByRole('button', { name: 'Create programme' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You are not allowed to do this.');
    await waitFor(() =>
      expect(api.calls.find((c) => c.operation === 'CreateProgram')?.variables).toEqual({
        input: { name: 'Pilot', economies: ['PH'], startsOn: '2025-03-01', endsOn: '2025-03-01' },
      }),
    );
    expect(screen.getByLabelText('Programme name')).toHaveValue('Pilot');
  });

  it('is for programme managers and administrators only', async () => {
    api = mockApi({ ...signedInAs(['MSME_OWNER']) });
    render(<TestApp path="/programs" />);
    expect(await screen.findByText('You are not allowed to do this.')).toBeInTheDocument();
    expect(api.calls.some((c) => c.operation === 'ManagerPrograms')).toBe(false);
  });
});
