import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestApp } from '../../app';
import { mockApi, type MockApi } from '../../test/mock-api';
import { asManager, ECONOMIES, PROGRAM } from './test-fixtures';

/** A suppressed cell as the API sends it: no figure, not even its count of organisations. */
const hidden = (key: string) => ({
  key,
  organizations: null,
  suppressed: true,
  requests: null,
  acceptanceRate: null,
  medianHoursToDecision: null,
  matchRate: null,
  averageScore: null,
  crossEconomyLinks: null,
  outcomes: null,
});
const cell = (key: string, organizations: number, requests: number) => ({
  key,
  organizations,
  suppressed: false,
  requests,
  acceptanceRate: 0.75,
  medianHoursToDecision: 30.5,
  matchRate: 0.4,
  averageScore: 71.25,
  crossEconomyLinks: 2,
  outcomes: 3,
});

const REPORT = {
  totals: cell('all', 14, 20),
  byEconomy: [cell('TH', 14, 20)],
  byIsicSection: [cell('C', 9, 15), hidden('G'), hidden('J')],
  byWomenLed: [cell('not women-led', 10, 16), hidden('women-led')],
  byLocality: [cell('METROPOLITAN', 6, 10), hidden('RURAL'), cell('SUB_REGIONAL', 5, 6)],
  bySizeClass: [hidden('LARGE'), cell('MICRO', 8, 12), cell('SMALL', 6, 8)],
  mentorUtilisation: 0.5833,
  monthly: [
    { month: '2019-02', suppressed: false, requests: 6, accepted: 3, mentorshipsStarted: 3 },
    { month: '2019-03', suppressed: false, requests: 14, accepted: 6, mentorshipsStarted: 5 },
  ],
};

const context = {
  ReportContext: () => ({
    program: { id: 'p1', name: PROGRAM.name, economies: ['TH'] },
    economies: ECONOMIES,
    sectors: [
      { code: 'C', title: 'Manufacturing' },
      { code: 'G', title: 'Wholesale and retail trade' },
      { code: 'J', title: 'Information and communication' },
    ],
  }),
};

describe('the programme report', () => {
  let api: MockApi;
  afterEach(() => api.restore());

  it('shows totals, breakdowns with small groups hidden and no figures for them, and the trend', async () => {
    api = mockApi({ ...asManager(), ...context, ProgramReport: () => ({ programReport: REPORT }) });
    render(<TestApp path="/programs/p1/report" />);
    expect(
      await screen.findByRole('heading', { level: 1, name: `Report: ${PROGRAM.name}` }),
    ).toBeInTheDocument();
    const totals = await screen.findByRole('region', { name: 'Totals' });
    const figure = (label: string) => within(totals).getByText(label).nextElementSibling;
    expect(figure('Organisations')).toHaveTextContent('14');
    expect(figure('Requests')).toHaveTextContent('20');
    expect(figure('Acceptance rate')).toHaveTextContent('75%');
    expect(figure('Median hours to a decision')).toHaveTextContent('30.5');
    expect(figure('Match rate')).toHaveTextContent('40%');
    expect(figure('Mentor utilisation')).toHaveTextContent('58.3%');
    expect(figure('Average score')).toHaveTextContent('71.3');
    expect(figure('Cross-economy links')).toHaveTextContent('2');
    expect(figure('Outcomes reported')).toHaveTextContent('3');

    const locality = screen.getByRole('figure', { name: 'Organisations, By locality' });
    expect(
      within(locality)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Metropolitan6', 'Sub-regional town5', 'Ruralfewer than 5 organisations — hidden']);
    // Sizes from the smallest, whatever the API's order.
    const sizes = screen.getByRole('figure', { name: 'Organisations, By size' });
    expect(
      within(sizes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Micro (under 10 employees)8',
      'Small (10–49)6',
      'Large (over 300)fewer than 5 organisations — hidden',
    ]);
    const sections = screen.getByRole('figure', { name: 'Organisations, By ISIC section' });
    expect(
      within(sections)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'C — Manufacturing9',
      'G — Wholesale and retail tradefewer than 5 organisations — hidden',
      'J — Information and communicationfewer than 5 organisations — hidden',
    ]);

    // Another figure in the charts; the hidden groups still show none.
    await userEvent.selectOptions(screen.getByLabelText('Figure shown in the charts'), 'requests');
    const women = screen.getByRole('figure', { name: 'Requests, Women-led or not' });
    expect(
      within(women)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Not women-led16', 'Women-ledfewer than 5 organisations — hidden']);
    const table = within(
      screen.getByText('All figures as a table: Women-led or not').closest('details')!,
    ).getByRole('table');
    const hiddenRow = within(table).getByRole('rowheader', { name: 'Women-led' }).closest('tr')!;
    expect(hiddenRow.textContent).toBe('Women-ledfewer than 5 organisations — hidden');
    expect(hiddenRow.textContent).not.toContain('4'); // its count of organisations stays hidden too

    const trend = screen.getByRole('img', {
      name: /Requests, accepted requests and mentorships started, by month/,
    });
    expect(trend.querySelectorAll('polyline')).toHaveLength(3);
    const months = within(screen.getByText('The figures as a table').closest('details')!).getAllByRole('row');
    expect(months.map((row) => row.textContent)).toEqual([
      'MonthRequestsAcceptedMentorships started',
      'Feb 2019633',
      'Mar 20191465',
    ]);
  });

  it('sends the filter, keeps it in the address, and downloads the CSV with the same filter', async () => {
    api = mockApi({
      ...asManager(),
      ...context,
      ProgramReport: () => ({ programReport: REPORT }),
      ExportProgramReport: () => ({ exportProgramReport: 'dimension,key,organizations\ntotal,all,14' }),
    });
    const blobs: Blob[] = [];
    const names: string[] = [];
    const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => (blobs.push(blob), 'blob:report')),
      revokeObjectURL: vi.fn(),
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    const user = userEvent.setup();
    render(<TestApp path="/programs/p1/report" />);
    const filters = await screen.findByRole('form', { name: 'Filters' });
    await waitFor(() =>
      expect(within(filters).getByRole('option', { name: 'Thailand' })).toBeInTheDocument(),
    );
    // Only the programme's economies the manager manages are offered.
    expect(
      within(within(filters).getByLabelText('Economy'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All economies', 'Thailand']);
    await user.selectOptions(within(filters).getByLabelText('Economy'), 'TH');
    await user.selectOptions(within(filters).getByLabelText('ISIC section'), 'C');
    await user.selectOptions(within(filters).getByLabelText('Women-led'), 'true');
    await user.selectOptions(within(filters).getByLabelText('Locality'), 'SUB_REGIONAL');
    await user.selectOptions(within(filters).getByLabelText('Size'), 'MICRO');
    fireEvent.change(within(filters).getByLabelText('From'), { target: { value: '2019-03-01' } });
    fireEvent.change(within(filters).getByLabelText('To'), { target: { value: '2019-02-01' } });
    await user.click(within(filters).getByRole('button', { name: 'Apply filters' }));
    expect(
      within(filters).getByText('The end of the period must not be before its start.'),
    ).toBeInTheDocument();
    fireEvent.change(within(filters).getByLabelText('To'), { target: { value: '2101-01-01' } });
    await user.click(within(filters).getByRole('button', { name: 'Apply filters' }));
    // The API takes report windows within 2000-2100 (schema description); the form says so first.
    expect(within(filters).getByText('Choose a date from 2000-01-01 to 2100-12-31.')).toBeInTheDocument();
    fireEvent.change(within(filters).getByLabelText('To'), { target: { value: '2019-06-30' } });
    await user.click(within(filters).getByRole('button', { name: 'Apply filters' }));

    const filter = {
      economy: 'TH',
      isicSection: 'C',
      womenLed: true,
      locality: 'SUB_REGIONAL',
      sizeClass: 'MICRO',
      from: '2019-03-01',
      to: '2019-06-30',
    };
    await waitFor(() =>
      expect(api.calls.filter((c) => c.operation === 'ProgramReport').at(-1)?.variables).toEqual({
        id: 'p1',
        filter,
      }),
    );
    // The form shows the filter that is applied.
    expect(screen.getByLabelText('Women-led')).toHaveValue('true');

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(names).toEqual([`programme-report-p1.csv`]));
    expect(api.calls.filter((c) => c.operation === 'ExportProgramReport')).toEqual([
      { operation: 'ExportProgramReport', variables: { id: 'p1', filter } },
    ]);
    expect(await blobs[0].text()).toBe('dimension,key,organizations\ntotal,all,14');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() =>
      expect(api.calls.filter((c) => c.operation === 'ProgramReport').at(-1)?.variables).toEqual({
        id: 'p1',
        filter: {},
      }),
    );
    click.mockRestore();
    Object.assign(URL, original);
  });

  it('hides every figure when fewer than 5 organisations match', async () => {
    api = mockApi({
      ...asManager(),
      ...context,
      ProgramReport: () => ({
        programReport: {
          ...REPORT,
          totals: hidden('all'),
          byEconomy: [hidden('TH')],
          byIsicSection: [hidden('C')],
          byWomenLed: [hidden('women-led')],
          byLocality: [hidden('RURAL')],
          bySizeClass: [hidden('MICRO')],
          monthly: [],
        },
      }),
    });
    render(<TestApp path="/programs/p1/report?womenLed=true&locality=RURAL" />);
    expect(
      await screen.findByText(
        'Fewer than 5 organisations match these filters, so their figures are hidden to protect them.',
      ),
    ).toBeInTheDocument();
    expect(api.calls.find((c) => c.operation === 'ProgramReport')?.variables).toEqual({
      id: 'p1',
      filter: { womenLed: true, locality: 'RURAL' },
    });
    const totals = screen.getByRole('region', { name: 'Totals' });
    expect(within(totals).queryByText('Acceptance rate')).not.toBeInTheDocument();
    expect(screen.getByText('No requests or mentorships in this period.')).toBeInTheDocument();
    const breakdowns = screen.getByRole('region', { name: 'Breakdowns' });
    for (const figure of within(breakdowns).getAllByRole('figure'))
      expect(within(figure).getByRole('listitem').textContent).toMatch(
        /fewer than 5 organisations — hidden$/,
      );
  });

  it('leaves withheld months out of the trend, says so in its table, and withholds utilisation over few mentors', async () => {
    const quiet = {
      month: '2019-04',
      suppressed: true,
      requests: null,
      accepted: null,
      mentorshipsStarted: null,
    };
    api = mockApi({
      ...asManager(),
      ...context,
      ProgramReport: () => ({
        programReport: {
          ...REPORT,
          mentorUtilisation: null,
          monthly: [
            ...REPORT.monthly,
            quiet,
            { month: '2019-05', suppressed: false, requests: 8, accepted: 2, mentorshipsStarted: 2 },
          ],
        },
      }),
    });
    render(<TestApp path="/programs/p1/report" />);
    const totals = await screen.findByRole('region', { name: 'Totals' });
    expect(within(totals).getByText('Mentor utilisation').nextElementSibling).toHaveTextContent(
      'fewer than 5 mentors — hidden',
    );
    const trend = screen.getByRole('img', {
      name: /Requests, accepted requests and mentorships started, by month/,
    });
    // Each series: a line through February–March, another through May alone; no line across April.
    const lines = [...trend.querySelectorAll('polyline')].map(
      (l) => l.getAttribute('points')!.split(' ').length,
    );
    expect(lines).toEqual([2, 1, 2, 1, 2, 1]);
    expect(trend.querySelectorAll('circle')).toHaveLength(3);
    const months = within(screen.getByText('The figures as a table').closest('details')!).getAllByRole('row');
    expect(months.map((row) => row.textContent)).toEqual([
      'MonthRequestsAcceptedMentorships started',
      'Feb 2019633',
      'Mar 20191465',
      'Apr 2019fewer than 5 organisations — hidden',
      'May 2019822',
    ]);
  });

  it('says the trend is hidden when every month describes fewer than 5 organisations', async () => {
    api = mockApi({
      ...asManager(),
      ...context,
      ProgramReport: () => ({
        programReport: {
          ...REPORT,
          monthly: [
            { month: '2019-02', suppressed: true, requests: null, accepted: null, mentorshipsStarted: null },
          ],
        },
      }),
    });
    render(<TestApp path="/programs/p1/report" />);
    expect(
      await screen.findByText(
        'Fewer than 5 organisations were active in each month of this period, so the trend is hidden to protect them.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /by month/ })).not.toBeInTheDocument();
  });
});
