import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../../app';
import { mockApi, type MockApi } from '../../test/mock-api';
import { asManager, ECONOMIES, PROGRAM, round } from './test-fixtures';

const programHandlers = {
  ManagerProgram: () => ({ program: PROGRAM, economies: ECONOMIES }),
  ProgramCohortMix: () => ({
    programReport: {
      totals: { organizations: 14 },
      byWomenLed: [
        { key: 'not women-led', organizations: 10, suppressed: false },
        { key: 'women-led', organizations: null, suppressed: true },
      ],
      byLocality: [
        { key: 'METROPOLITAN', organizations: 6, suppressed: false },
        { key: 'RURAL', organizations: null, suppressed: true },
        { key: 'SUB_REGIONAL', organizations: 5, suppressed: false },
      ],
    },
  }),
};

describe('a programme page', () => {
  let api: MockApi;
  afterEach(() => api.restore());

  it('shows the dates, economies and cohort, hiding groups of fewer than 5 organisations', async () => {
    api = mockApi({ ...asManager(), ...programHandlers });
    render(<TestApp path="/programs/p1" />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Forum II — Thailand (2019)' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Jan 1, 2019 to Dec 31, 2019')).toBeInTheDocument();
    expect(screen.getByText('14 organisations and 12 mentors in the cohort')).toBeInTheDocument();
    const locality = await screen.findByRole('figure', { name: 'Organisations by locality' });
    const rows = within(locality).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      'Metropolitan6',
      'Sub-regional town5',
      'Ruralfewer than 5 organisations — hidden',
    ]);
    const womenLed = screen.getByRole('figure', { name: 'Organisations: women-led or not' });
    expect(within(womenLed).getByText('Women-led').parentElement).toHaveTextContent(
      'Women-ledfewer than 5 organisations — hidden',
    );
    expect(within(womenLed).queryByText('4')).not.toBeInTheDocument();

    const weights = screen.getByRole('region', { name: 'Score weights' });
    expect(within(weights).getByText(/These are the platform’s default weights\./)).toBeInTheDocument();
    const rounds = screen.getByRole('region', { name: 'Matching rounds' });
    expect(
      within(rounds).getByText('No matching round has been run for this programme yet.'),
    ).toBeInTheDocument();
  });

  it('shows its own score weights and its rounds, newest first, each linking to its page', async () => {
    api = mockApi({
      ...asManager(),
      ...programHandlers,
      ManagerProgram: () => ({
        program: {
          ...PROGRAM,
          defaultWeights: false,
          weights: {
            sector: 30,
            topics: 20,
            internationalization: 15,
            economy: 5,
            locality: 10,
            womenLed: 20,
          },
          rounds: [
            {
              id: 'r4',
              algorithm: 'STABLE',
              status: 'RUNNING',
              createdAt: '2025-03-04T09:00:00Z',
              summary: null,
            },
            {
              id: 'r3',
              algorithm: 'OPTIMAL',
              status: 'PUBLISHED',
              createdAt: '2025-03-03T09:00:00Z',
              summary: { pairs: 1234, totalScore: 98765 },
            },
            {
              id: 'r2',
              algorithm: 'GREEDY',
              status: 'PROPOSED',
              createdAt: '2025-03-02T09:00:00Z',
              summary: { pairs: 11, totalScore: 802 },
            },
            {
              id: 'r1',
              algorithm: 'OPTIMAL',
              status: 'FAILED',
              createdAt: '2025-03-01T09:00:00Z',
              summary: null,
            },
          ],
        },
        economies: ECONOMIES,
      }),
    });
    render(<TestApp path="/programs/p1" />);

    const weights = await screen.findByRole('region', { name: 'Score weights' });
    expect(
      within(weights).getByText(/This programme has its own weights, set when it was created\./),
    ).toBeInTheDocument();
    expect(within(weights).queryByText(/default weights/)).not.toBeInTheDocument();
    const table = within(weights).getByRole('table', { name: 'Maximum points per score component' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'ComponentMaximum points',
      'Sector30',
      'Topics20',
      'Internationalisation15',
      'Economy5',
      'Locality10',
      'Women-led20',
      'Total100',
    ]);

    const rounds = screen.getByRole('region', { name: 'Matching rounds' });
    const list = within(rounds).getByRole('table', { name: 'The programme’s matching rounds, newest first' });
    const rows = within(list).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['Stable', 'Running', '—', '—'],
      ['Optimal', 'Published', '1,234', '98,765'],
      ['Greedy', 'Proposed', '11', '802'],
      ['Optimal', 'Failed', '—', '—'],
    ]);
    expect(rows.map((row) => within(row).getByRole('link').getAttribute('href'))).toEqual([
      '/rounds/r4',
      '/rounds/r3',
      '/rounds/r2',
      '/rounds/r1',
    ]);
    const started = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
    expect(within(rows[1]).getByRole('link')).toHaveAccessibleName(
      started.format(new Date('2025-03-03T09:00:00Z')),
    );
  });

  it('starts a round with the shares as fractions and opens it', async () => {
    api = mockApi({
      ...asManager(),
      ...programHandlers,
      StartMatchingRound: () => ({
        startMatchingRound: { id: 'r1', algorithm: 'OPTIMAL', status: 'QUEUED', progress: 0 },
      }),
      ManagerRound: () => ({
        matchingRound: round({
          algorithm: 'OPTIMAL',
          status: 'QUEUED',
          progress: 0,
          summary: null,
          pairs: [],
        }),
      }),
      RoundProgram: () => ({ program: { id: 'p1', name: PROGRAM.name } }),
    });
    const user = userEvent.setup();
    render(<TestApp path="/programs/p1" />);
    const form = await screen.findByRole('form', { name: 'Run a matching round' });
    expect(within(form).getByRole('radio', { name: 'Optimal' })).toBeChecked();
    expect(
      within(form).getByRole('group', { name: 'Inclusion targets (optional)' }),
    ).toHaveAccessibleDescription(
      /turned into a minimum number of pairs, counted against the number of pairs of the unconstrained optimum/,
    );
    await user.selectOptions(within(form).getByLabelText('Mentors per organisation, at most'), '2');
    await user.type(
      within(form).getByLabelText('Minimum share of pairs with women-led organisations (%)'),
      '150',
    );
    await user.click(within(form).getByRole('button', { name: 'Start round' }));
    expect(
      within(form).getByText('Enter a percentage from 0 to 100, or leave it empty.'),
    ).toBeInTheDocument();
    expect(api.calls.some((c) => c.operation === 'StartMatchingRound')).toBe(false);

    const women = within(form).getByLabelText('Minimum share of pairs with women-led organisations (%)');
    await user.clear(women);
    await user.type(women, '40');
    await user.click(within(form).getByRole('button', { name: 'Start round' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Optimal matching round' }),
    ).toBeInTheDocument();
    expect(api.calls.filter((c) => c.operation === 'StartMatchingRound')).toEqual([
      {
        operation: 'StartMatchingRound',
        variables: {
          programId: 'p1',
          input: { algorithm: 'OPTIMAL', maxMentorsPerOrganization: 2, minWomenLedShare: 0.4 },
        },
      },
    ]);
  });

  it('compares the three algorithms with the same settings', async () => {
    let next = 0;
    api = mockApi({
      ...asManager(),
      ...programHandlers,
      StartMatchingRound: ({ input }) => ({
        startMatchingRound: {
          id: `r${++next}`,
          algorithm: (input as { algorithm: string }).algorithm,
          status: 'QUEUED',
          progress: 0,
        },
      }),
      RoundProgram: () => ({ program: { id: 'p1', name: PROGRAM.name } }),
      CompareRounds: () => ({
        a: { ...round({ id: 'r1', algorithm: 'OPTIMAL' }) },
        b: { ...round({ id: 'r2', algorithm: 'GREEDY' }) },
        c: { ...round({ id: 'r3', algorithm: 'STABLE' }) },
      }),
    });
    const user = userEvent.setup();
    render(<TestApp path="/programs/p1" />);
    const form = await screen.findByRole('form', { name: 'Run a matching round' });
    await user.click(within(form).getByRole('radio', { name: 'Stable' }));
    await user.type(within(form).getByLabelText(/sub-regional or rural organisations/), '33.3');
    await user.click(within(form).getByRole('button', { name: 'Compare algorithms' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Compare algorithms' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Review Greedy' })).toHaveAttribute('href', '/rounds/r2'),
    );
    expect(api.calls.filter((c) => c.operation === 'StartMatchingRound').map((c) => c.variables)).toEqual(
      ['OPTIMAL', 'GREEDY', 'STABLE'].map((algorithm) => ({
        programId: 'p1',
        input: { algorithm, maxMentorsPerOrganization: 1, minNonMetropolitanShare: 0.333 },
      })),
    );
    expect(api.calls.find((c) => c.operation === 'CompareRounds')?.variables).toEqual({
      a: 'r1',
      b: 'r2',
      c: 'r3',
    });
  });
});
