import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestApp } from '../../app';
import { mockApi, type MockApi } from '../../test/mock-api';
import { pollSettings } from './polling';
import { asManager, PROGRAM, round, SUMMARY } from './test-fixtures';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('comparing algorithms', () => {
  let api: MockApi;
  beforeEach(() => {
    pollSettings.intervalMs = 25;
  });
  afterEach(() => {
    pollSettings.intervalMs = 1000;
    api.restore();
  });

  it('polls until all three rounds are done, then compares them, each linking to its review', async () => {
    let finished = false;
    const running = (id: string, algorithm: string) =>
      round({ id, algorithm, status: 'RUNNING', progress: 30, summary: null, pairs: [] });
    const summary = (totalScore: number, pairs: number, womenLed: number) => ({
      ...SUMMARY,
      totalScore,
      pairs,
      optimalTotal: 200,
      gapToOptimal: totalScore / 200,
      womenLed: { cohortShare: 0.3, matchedShare: womenLed, required: null },
      nonMetropolitan: { cohortShare: 0.6, matchedShare: 0.5, required: null },
    });
    api = mockApi({
      ...asManager(),
      RoundProgram: () => ({ program: { id: 'p1', name: PROGRAM.name } }),
      CompareRounds: () =>
        finished
          ? {
              a: round({
                id: 'r1',
                algorithm: 'OPTIMAL',
                summary: { ...summary(200, 10, 0.4), optimalTotal: null },
              }),
              b: round({ id: 'r2', algorithm: 'GREEDY', summary: summary(190, 10, 0.3) }),
              c: round({ id: 'r3', algorithm: 'STABLE', summary: summary(180, 9, 0.2) }),
            }
          : {
              a: round({
                id: 'r1',
                algorithm: 'OPTIMAL',
                summary: { ...summary(200, 10, 0.4), optimalTotal: null },
              }),
              b: running('r2', 'GREEDY'),
              c: running('r3', 'STABLE'),
            },
    });
    const polls = () => api.calls.filter((c) => c.operation === 'CompareRounds').length;
    render(<TestApp path="/programs/p1/compare?rounds=r1,r2,r3" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Compare algorithms' })).toBeInTheDocument();
    expect(await screen.findByRole('progressbar', { name: 'Greedy: computing' })).toHaveAttribute(
      'value',
      '30',
    );
    expect(
      screen.getByText('The rounds are being computed; this page updates by itself.'),
    ).toBeInTheDocument();
    const seen = polls();
    await waitFor(() => expect(polls()).toBeGreaterThan(seen + 1));
    finished = true;

    expect(await screen.findByText('All three rounds are done.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'The three algorithms on the same cohort and settings' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ['Proposed', '200', '10', '100%', '40%', '50%'],
      ['Proposed', '190', '10', '95%', '30%', '50%'],
      ['Proposed', '180', '9', '90%', '20%', '50%'],
    ]);
    expect(within(table).getByRole('link', { name: 'Review Optimal' })).toHaveAttribute('href', '/rounds/r1');
    expect(within(table).getByRole('link', { name: 'Review Stable' })).toHaveAttribute('href', '/rounds/r3');
    const share = screen.getByRole('figure', { name: 'Women-led share of pairs' });
    expect(
      within(share)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Optimal40%', 'Greedy30%', 'Stable20%', 'Share of the cohort30%']);
    expect(api.calls.find((c) => c.operation === 'CompareRounds')?.variables).toEqual({
      a: 'r1',
      b: 'r2',
      c: 'r3',
    });

    await sleep(300); // a poll already under way may still land (slowly, on a busy machine)
    const done = polls();
    await sleep(150);
    expect(polls()).toBe(done);
  });

  it('needs three rounds', async () => {
    api = mockApi({ ...asManager(), RoundProgram: () => ({ program: { id: 'p1', name: PROGRAM.name } }) });
    render(<TestApp path="/programs/p1/compare?rounds=r1" />);
    expect(
      await screen.findByText('A comparison needs three rounds. Start one from the programme page.'),
    ).toBeInTheDocument();
    expect(api.calls.some((c) => c.operation === 'CompareRounds')).toBe(false);
  });
});
