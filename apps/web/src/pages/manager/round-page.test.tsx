import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TestApp } from '../../app';
import { apiError, mockApi, type MockApi } from '../../test/mock-api';
import { pollSettings } from './polling';
import {
  asManager,
  EXPORT,
  MENTOR,
  NAME_LOOKUPS,
  nameHandlers,
  ORG,
  pair,
  PROGRAM,
  round,
  SUMMARY,
} from './test-fixtures';

// No name look-ups: the pairs carry their names (the swap test adds them for other candidates).
const roundHandlers = {
  RoundProgram: () => ({ program: { id: 'p1', name: PROGRAM.name } }),
  ExportMatchingRound: () => ({ exportMatchingRound: EXPORT }),
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const lookups = (api: MockApi) =>
  api.calls
    .filter((c) => NAME_LOOKUPS.includes(c.operation))
    .map((c) => `${c.operation} ${String(c.variables.id)}`);

describe('a matching round page', () => {
  let api: MockApi;
  beforeEach(() => {
    pollSettings.intervalMs = 25;
  });
  afterEach(() => {
    pollSettings.intervalMs = 1000;
    api.restore();
  });

  it('polls while the round is computed, shows progress, then the summary, and stops polling', async () => {
    // Queued at first, then running until the test lets it finish.
    let asked = 0;
    let finished = false;
    api = mockApi({
      ...asManager(),
      ...roundHandlers,
      ManagerRound: () => ({
        matchingRound: finished
          ? round()
          : asked++ === 0
            ? round({ status: 'QUEUED', progress: 0, summary: null, pairs: [], finishedAt: null })
            : round({ status: 'RUNNING', progress: 60, summary: null, pairs: [], finishedAt: null }),
      }),
    });
    const polls = () => api.calls.filter((c) => c.operation === 'ManagerRound').length;
    render(<TestApp path="/rounds/r1" />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Greedy matching round' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: `Back to ${PROGRAM.name}` })).toHaveAttribute(
      'href',
      '/programs/p1',
    );
    const bar = await screen.findByRole('progressbar', { name: 'Computing the round' });
    await waitFor(() => expect(bar).toHaveAttribute('value', '60'));
    expect(screen.getByText('Round status: Running')).toBeInTheDocument();
    expect(screen.getByText('This page updates by itself until the round is ready.')).toBeInTheDocument();
    const seen = polls();
    await waitFor(() => expect(polls()).toBeGreaterThan(seen + 1));
    finished = true;

    const summary = await screen.findByRole('region', { name: 'Summary' });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText('Round status: Proposed')).toBeInTheDocument();
    const figure = (label: string) => within(summary).getByText(label).nextElementSibling;
    expect(figure('Total score')).toHaveTextContent('161');
    expect(figure('Pairs')).toHaveTextContent('2');
    expect(figure('Share of the optimum')).toHaveTextContent(
      '94.7%5.3% below Optimal, which scores 170 on the same candidates.',
    );
    expect(within(summary).getByText('Organisations left unmatched: 1')).toBeInTheDocument();
    expect(
      within(summary).getByText('No mentor of the cohort passes the hard gates with it: 1'),
    ).toBeInTheDocument();
    const women = within(summary).getByRole('figure', { name: 'Women-led organisations' });
    expect(
      within(women)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Share of the pairs50%', 'Share of the cohort33.3%']);
    expect(within(summary).getByText('Target: at least 1 pair.')).toBeInTheDocument();
    expect(
      within(summary).getByText(/Greedy and Stable do not enforce the inclusion targets/),
    ).toBeInTheDocument();

    // The pairs, by the names they carry, each with its breakdown.
    const pairs = screen.getByRole('region', { name: 'Pairs (2)' });
    expect(
      within(pairs)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Chiang Mai Weavers', 'Isan Rice Co']);
    expect(within(pairs).getByText('Mentor: Somchai P.')).toBeInTheDocument();
    expect(within(pairs).getByText('Mentor: Maria Santos')).toBeInTheDocument();
    expect(within(pairs).getAllByRole('meter', { name: 'Sector: 25 / 25' })).toHaveLength(1);
    expect(within(pairs).getAllByRole('meter', { name: 'Sector: 20 / 25' })).toHaveLength(1);
    // The add form's candidates are all named by the pairs too: nothing is looked up by id.
    const add = screen.getByRole('region', { name: 'Add a pair' });
    await waitFor(() =>
      expect(within(add).getByRole('combobox', { name: 'Organisation' })).toHaveDisplayValue('Isan Rice Co'),
    );
    expect(within(add).getByRole('combobox', { name: 'Mentor' })).toHaveDisplayValue('Somchai P. (score 75)');
    expect(lookups(api)).toEqual([]);

    // Done: no more polling.
    await sleep(60); // a poll already under way may still land
    const done = polls();
    await sleep(150);
    expect(polls()).toBe(done);
  });

  it('rounds exact shares once, where it shows them: 7 of 13 reads 53.8 %', async () => {
    api = mockApi({
      ...asManager(),
      ...roundHandlers,
      ManagerRound: () => ({
        matchingRound: round({
          summary: {
            ...SUMMARY,
            pairs: 13,
            organizations: 13,
            womenLed: { cohortShare: 7 / 13, matchedShare: 7 / 13, required: null },
            nonMetropolitan: { cohortShare: 6 / 13, matchedShare: 6 / 13, required: null },
          },
        }),
      }),
    });
    render(<TestApp path="/rounds/r1" />);
    const summary = await screen.findByRole('region', { name: 'Summary' });
    const bars = (name: string) =>
      within(within(summary).getByRole('figure', { name }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(bars('Women-led organisations')).toEqual(['Share of the pairs53.8%', 'Share of the cohort53.8%']);
    expect(bars('Sub-regional and rural organisations')).toEqual([
      'Share of the pairs46.2%',
      'Share of the cohort46.2%',
    ]);
  });

  it('says why an infeasible round failed, naming the target and the highest share reachable', async () => {
    api = mockApi({
      ...asManager(),
      ...roundHandlers,
      ManagerRound: () => ({
        matchingRound: round({
          algorithm: 'OPTIMAL',
          status: 'FAILED',
          summary: null,
          pairs: [],
          minWomenLedShare: 0.9,
          error:
            'minWomenLedShare 0.9 cannot be met: the highest share reachable is 0.412 (7 of the 17 pairs)',
        }),
      }),
    });
    render(<TestApp path="/rounds/r1" />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The round failed.');
    expect(alert).toHaveTextContent(
      'The women-led target of 90% cannot be met: the highest share reachable is 41.2% (7 of 17 pairs). Lower the target and start again.',
    );
    expect(within(alert).getByRole('link', { name: 'Change the settings and start again' })).toHaveAttribute(
      'href',
      '/programs/p1',
    );
    expect(screen.queryByRole('button', { name: 'Publish round' })).not.toBeInTheDocument();
  });

  it('publishes once, after confirmation, and says how many requests were sent', async () => {
    let published = false;
    api = mockApi({
      ...asManager(),
      ...roundHandlers,
      ManagerRound: () => ({
        matchingRound: round(published ? { status: 'PUBLISHED', publishedAt: '2025-03-01T10:00:00Z' } : {}),
      }),
      PublishMatchingRound: () => {
        published = true;
        return {
          publishMatchingRound: {
            sent: 2,
            skipped: 0,
            round: { id: 'r1', status: 'PUBLISHED', publishedAt: '2025-03-01T10:00:00Z' },
          },
        };
      },
    });
    const user = userEvent.setup();
    render(<TestApp path="/rounds/r1" />);
    await user.click(await screen.findByRole('button', { name: 'Publish round' }));
    expect(screen.getByText(/A mentorship request is sent for each of its 2 pairs/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.calls.some((c) => c.operation === 'PublishMatchingRound')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Publish round' }));
    const confirm = screen.getByRole('button', { name: 'Yes, publish and send the requests' });
    expect(confirm).toHaveFocus();
    await user.dblClick(confirm);
    expect(await screen.findByText('Published: 2 mentorship requests sent.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Round status: Published')).toBeInTheDocument());
    expect(api.calls.filter((c) => c.operation === 'PublishMatchingRound')).toEqual([
      { operation: 'PublishMatchingRound', variables: { id: 'r1' } },
    ]);
    expect(screen.queryByRole('button', { name: 'Publish round' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove pair/ })).not.toBeInTheDocument();
  });

  it('names a pair whose organisation was deleted without looking it up', async () => {
    api = mockApi({
      ...asManager(),
      ...roundHandlers,
      ManagerRound: () => ({
        matchingRound: round({
          status: 'PUBLISHED',
          publishedAt: '2025-03-01T10:00:00Z',
          pairs: [
            { ...pair(ORG.a, MENTOR.x, 83, 25), organizationName: null },
            pair(ORG.b, MENTOR.y, 78, 20),
          ],
        }),
      }),
    });
    render(<TestApp path="/rounds/r1" />);
    const pairs = await screen.findByRole('region', { name: 'Pairs (2)' });
    expect(
      within(pairs)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Deleted organisation (aaaaaaaa)', 'Isan Rice Co']);
    expect(within(pairs).getByText('Mentor: Somchai P.')).toBeInTheDocument();
    await screen.findByRole('button', { name: 'Download candidate pairs (CSV)' });
    expect(lookups(api)).toEqual([]);
  });

  it('removes, swaps and adds pairs through reviseMatchingRound, and shows a refusal', async () => {
    let refuse = false;
    api = mockApi({
      ...asManager(),
      ...roundHandlers,
      ...nameHandlers,
      ManagerRound: () => ({ matchingRound: round() }),
      ReviseMatchingRound: () =>
        refuse
          ? apiError('BAD_USER_INPUT', `The mentor ${MENTOR.x} would have 3 pairs; it has room for 2`)
          : { reviseMatchingRound: { id: 'r1', status: 'PROPOSED', summary: { pairs: 2, totalScore: 150 } } },
    });
    const user = userEvent.setup();
    render(<TestApp path="/rounds/r1" />);
    const revisions = () =>
      api.calls.filter((c) => c.operation === 'ReviseMatchingRound').map((c) => c.variables);

    await user.click(
      await screen.findByRole('button', { name: 'Remove pair: Isan Rice Co with Maria Santos' }),
    );
    expect(await screen.findByText('Removed the pair Isan Rice Co with Maria Santos.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Swap mentor: Chiang Mai Weavers' }));
    const choice = await screen.findByRole('combobox', { name: 'New mentor for Chiang Mai Weavers' });
    // A mentor with a free place, or an exchange with another organisation; best total first.
    await waitFor(() =>
      expect(
        within(choice)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual([
        'Kenji Ito (score 70; total -13)',
        'Maria Santos (score 60), in exchange with Isan Rice Co (total -26)',
      ]),
    );
    await user.click(screen.getByRole('button', { name: 'Swap' }));
    expect(await screen.findByText('Chiang Mai Weavers is now paired with Kenji Ito.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Swap mentor: Isan Rice Co' }));
    const other = await screen.findByRole('combobox', { name: 'New mentor for Isan Rice Co' });
    const exchange = await within(other).findByRole('option', {
      name: /in exchange with Chiang Mai Weavers/,
    });
    await user.selectOptions(other, exchange);
    await user.click(screen.getByRole('button', { name: 'Swap' }));
    expect(await screen.findByText('Isan Rice Co is now paired with Somchai P..')).toBeInTheDocument();

    // Isan Rice Co has a second place; Somchai P. has a second place too.
    const add = screen.getByRole('region', { name: 'Add a pair' });
    await waitFor(() =>
      expect(within(add).getByRole('combobox', { name: 'Organisation' })).toHaveDisplayValue('Isan Rice Co'),
    );
    await waitFor(() =>
      expect(within(add).getByRole('combobox', { name: 'Mentor' })).toHaveDisplayValue(
        'Somchai P. (score 75)',
      ),
    );
    refuse = true;
    await user.click(within(add).getByRole('button', { name: 'Add pair' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('would have 3 pairs; it has room for 2');

    // Only the candidate no pair names was looked up by id.
    expect([...new Set(lookups(api))]).toEqual([`MentorName ${MENTOR.z}`]);

    expect(revisions()).toEqual([
      { id: 'r1', remove: [{ organizationId: ORG.b, mentorId: MENTOR.y }], add: [] },
      {
        id: 'r1',
        remove: [{ organizationId: ORG.a, mentorId: MENTOR.x }],
        add: [{ organizationId: ORG.a, mentorId: MENTOR.z }],
      },
      {
        id: 'r1',
        remove: [
          { organizationId: ORG.b, mentorId: MENTOR.y },
          { organizationId: ORG.a, mentorId: MENTOR.x },
        ],
        add: [
          { organizationId: ORG.b, mentorId: MENTOR.x },
          { organizationId: ORG.a, mentorId: MENTOR.y },
        ],
      },
      { id: 'r1', remove: [], add: [{ organizationId: ORG.b, mentorId: MENTOR.x }] },
    ]);
  });

  it('downloads the three CSVs of the export', async () => {
    api = mockApi({ ...asManager(), ...roundHandlers, ManagerRound: () => ({ matchingRound: round() }) });
    const blobs: Blob[] = [];
    const saved: string[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:test/${blobs.length}`;
    });
    const revokeObjectURL = vi.fn();
    const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(`${this.download} ${this.href}`);
    });
    const user = userEvent.setup();
    render(<TestApp path="/rounds/r1" />);
    await user.click(await screen.findByRole('button', { name: 'Download candidate pairs (CSV)' }));
    await user.click(screen.getByRole('button', { name: 'Download organisations (CSV)' }));
    await user.click(screen.getByRole('button', { name: 'Download mentors (CSV)' }));
    expect(saved).toEqual([
      'matching-round-r1-candidates.csv blob:test/1',
      'matching-round-r1-organizations.csv blob:test/2',
      'matching-round-r1-mentors.csv blob:test/3',
    ]);
    expect(await blobs[0].text()).toBe(EXPORT.candidatesCsv);
    expect(await blobs[2].text()).toBe(EXPORT.mentorsCsv);
    expect(blobs[0].type).toBe('text/csv;charset=utf-8');
    click.mockRestore();
    Object.assign(URL, original);
  });
});
