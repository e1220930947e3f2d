import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../../../app';
import { apiError, mockApi, signedInAs, type MockApi } from '../../../test/mock-api';
import { mentorship, REFERENCE } from '../test-fixtures';
import { todayIso } from '../format';

describe('the mentorship page', { timeout: 20_000 }, () => {
  let api: MockApi;
  afterEach(() => api.restore());

  it('shows the parties, status and goals', async () => {
    api = mockApi({
      ...signedInAs(['MSME_OWNER']),
      Reference: () => REFERENCE,
      MentorshipPage: () => ({ mentorship: mentorship() }),
    });
    render(<TestApp path="/mentorships/ms-1" />);
    expect(
      await screen.findByRole('heading', { name: 'Mentorship: Kopi Lestari with Dewi Santoso', level: 1 }),
    ).toBeInTheDocument();
    const parties = screen.getByRole('region', { name: 'Who and when' });
    expect(within(parties).getByRole('link', { name: 'Kopi Lestari' })).toHaveAttribute(
      'href',
      '/organizations/org-1',
    );
    expect(within(parties).getByText('Running')).toBeInTheDocument();
    expect(screen.getByLabelText('Status of “Find a distributor in Singapore”')).toHaveValue('OPEN');
    expect(screen.getByText('Feedback opens once the mentorship has finished.')).toBeInTheDocument();
  });

  it('logs a session and shows it once saved', async () => {
    const user = userEvent.setup();
    let sessions: unknown[] = [];
    api = mockApi({
      ...signedInAs(['MSME_OWNER']),
      Reference: () => REFERENCE,
      MentorshipPage: () => ({ mentorship: mentorship({ sessions }) }),
      LogMentorshipSession: (v) => {
        const input = v.input as { heldOn: string; minutes: number; topics: string[]; notes: string };
        const session = { id: 's-1', ...input, createdAt: '2025-01-20T10:00:00.000Z' };
        sessions = [session];
        return { logMentorshipSession: session };
      },
    });
    render(<TestApp path="/mentorships/ms-1" />);
    const form = await screen.findByRole('form', { name: 'Log a session' });
    expect(screen.getByText('No sessions logged yet.')).toBeInTheDocument();
    const date = within(form).getByLabelText('Date held');
    expect(date).toHaveValue(todayIso());
    expect(date).toHaveAttribute('max', todayIso());
    await user.clear(date);
    await user.type(date, '2025-01-15');
    const minutes = within(form).getByLabelText('Length in minutes');
    await user.clear(minutes);
    await user.type(minutes, '45');
    await user.click(within(form).getByRole('checkbox', { name: 'Export and internationalisation' }));
    await user.type(within(form).getByLabelText('Notes'), 'Price list for Singapore buyers');
    await user.click(within(form).getByRole('button', { name: 'Log session' }));

    expect(await within(form).findByText('Session logged.')).toBeInTheDocument();
    expect(api.calls.find((c) => c.operation === 'LogMentorshipSession')?.variables).toEqual({
      mentorshipId: 'ms-1',
      input: {
        heldOn: '2025-01-15',
        minutes: 45,
        topics: ['EXPORT'],
        notes: 'Price list for Singapore buyers',
      },
    });
    // The page is fetched again and lists the session.
    const table = await screen.findByRole('table', { name: 'Sessions held, oldest first' });
    expect(within(table).getByRole('cell', { name: 'Price list for Singapore buyers' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'Export and internationalisation' })).toBeInTheDocument();
    expect(screen.getByText('1 session, 45 minutes in all.')).toBeInTheDocument();
    // The form is ready for the next one.
    expect(within(form).getByLabelText('Notes')).toHaveValue('');
  });

  it('refuses a session in the future or out of range before sending', async () => {
    const user = userEvent.setup();
    api = mockApi({
      ...signedInAs(['MSME_OWNER']),
      Reference: () => REFERENCE,
      MentorshipPage: () => ({ mentorship: mentorship() }),
    });
    render(<TestApp path="/mentorships/ms-1" />);
    const form = await screen.findByRole('form', { name: 'Log a session' });
    const date = within(form).getByLabelText('Date held');
    await user.clear(date);
    await user.type(date, '2099-01-01');
    const minutes = within(form).getByLabelText('Length in minutes');
    await user.clear(minutes);
    await user.type(minutes, '601');
    await user.click(within(form).getByRole('button', { name: 'Log session' }));
    expect(date).toHaveAccessibleDescription(
      /The date must fall between the start of the mentorship and today\./,
    );
    expect(minutes).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls.some((c) => c.operation === 'LogMentorshipSession')).toBe(false);
  });

  it('adds a goal and moves one on', async () => {
    const user = userEvent.setup();
    const base = mentorship();
    let goals = base.goals;
    api = mockApi({
      ...signedInAs(['MSME_OWNER']),
      Reference: () => REFERENCE,
      MentorshipPage: () => ({ mentorship: { ...base, goals } }),
      AddMentorshipGoal: (v) => {
        const goal = {
          id: 'goal-2',
          title: v.title as string,
          status: 'OPEN',
          createdAt: '2025-01-20T10:00:00.000Z',
          updatedAt: '2025-01-20T10:00:00.000Z',
        };
        goals = [...goals, goal];
        return { addMentorshipGoal: goal };
      },
      UpdateMentorshipGoal: (v) => {
        goals = goals.map((g) => (g.id === v.id ? { ...g, status: v.status as string } : g));
        return { updateMentorshipGoal: goals.find((g) => g.id === v.id) };
      },
    });
    render(<TestApp path="/mentorships/ms-1" />);
    const form = await screen.findByRole('form', { name: 'Add a goal' });
    await user.click(within(form).getByRole('button', { name: 'Add goal' }));
    expect(within(form).getByLabelText('New goal')).toHaveAccessibleDescription(/Write the goal first\./);
    await user.type(within(form).getByLabelText('New goal'), '  A price list in SGD ');
    await user.click(within(form).getByRole('button', { name: 'Add goal' }));
    expect(await screen.findByLabelText('Status of “A price list in SGD”')).toHaveValue('OPEN');
    expect(within(form).getByLabelText('New goal')).toHaveValue('');
    expect(api.calls.find((c) => c.operation === 'AddMentorshipGoal')?.variables).toEqual({
      mentorshipId: 'ms-1',
      title: 'A price list in SGD',
    });

    await user.selectOptions(
      screen.getByLabelText('Status of “Find a distributor in Singapore”'),
      'ACHIEVED',
    );
    expect(api.calls.find((c) => c.operation === 'UpdateMentorshipGoal')?.variables).toEqual({
      id: 'goal-1',
      status: 'ACHIEVED',
    });
    await waitFor(() => expect(screen.getByText('1 of 2 achieved.')).toBeInTheDocument());
  });

  it('ends a mentorship early with a reason', async () => {
    const user = userEvent.setup();
    api = mockApi({
      ...signedInAs(['MSME_OWNER']),
      Reference: () => REFERENCE,
      MentorshipPage: () => ({ mentorship: mentorship() }),
      EndMentorship: () => apiError('NOT_ACTIVE', 'This mentorship has already completed or ended'),
    });
    render(<TestApp path="/mentorships/ms-1" />);
    await user.click(await screen.findByRole('button', { name: 'End early' }));
    await user.click(screen.getByRole('button', { name: 'End mentorship' }));
    expect(screen.getByLabelText('Reason')).toHaveAccessibleDescription(/Give a reason for ending early\./);
    await user.type(screen.getByLabelText('Reason'), 'We closed the export line.');
    await user.click(screen.getByRole('button', { name: 'End mentorship' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This mentorship has already finished.');
    expect(screen.getByLabelText('Reason')).toHaveValue('We closed the export line.');
    expect(api.calls.find((c) => c.operation === 'EndMentorship')?.variables).toEqual({
      id: 'ms-1',
      reason: 'We closed the export line.',
    });
  });

  it('takes feedback once finished, and shows the other side’s when revealed', async () => {
    const user = userEvent.setup();
    let feedback: unknown[] = [];
    api = mockApi({
      ...signedInAs(['MSME_OWNER']),
      Reference: () => REFERENCE,
      MentorshipPage: () => ({
        mentorship: mentorship({ status: 'COMPLETED', endedAt: '2025-03-01T09:00:00.000Z', feedback }),
      }),
      SubmitMentorshipFeedback: (v) => {
        feedback = [
          {
            side: 'ORGANIZATION',
            rating: v.rating,
            comment: v.comment,
            submittedAt: '2025-03-02T09:00:00.000Z',
          },
          { side: 'MENTOR', rating: 5, comment: 'A pleasure.', submittedAt: '2025-03-02T08:00:00.000Z' },
        ];
        return { submitMentorshipFeedback: feedback[0] };
      },
    });
    render(<TestApp path="/mentorships/ms-1" />);
    const form = await screen.findByRole('form', { name: 'Give your feedback' });
    expect(screen.queryByRole('form', { name: 'Log a session' })).not.toBeInTheDocument();
    await user.click(within(form).getByRole('radio', { name: '4 — Very good' }));
    await user.type(within(form).getByLabelText('Comment'), 'Very practical.');
    await user.click(within(form).getByRole('button', { name: 'Send feedback' }));
    expect(await screen.findByRole('heading', { name: 'Your feedback' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'The mentor’s feedback' })).toBeInTheDocument();
    expect(screen.getByText('A pleasure.')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Give your feedback' })).not.toBeInTheDocument();
    expect(api.calls.find((c) => c.operation === 'SubmitMentorshipFeedback')?.variables).toEqual({
      mentorshipId: 'ms-1',
      rating: 4,
      comment: 'Very practical.',
    });
  });

  it('reports outcomes with the details each kind takes', async () => {
    const user = userEvent.setup();
    api = mockApi({
      ...signedInAs(['MSME_OWNER']),
      Reference: () => REFERENCE,
      MentorshipPage: () => ({ mentorship: mentorship() }),
      ReportMentorshipOutcomes: () => ({ reportMentorshipOutcomes: [] }),
    });
    render(<TestApp path="/mentorships/ms-1" />);
    await user.click(await screen.findByRole('button', { name: 'Report outcomes' }));
    const form = screen.getByRole('form', { name: 'Report outcomes' });
    await user.click(within(form).getByRole('checkbox', { name: 'Started exporting' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Created jobs' }));
    await user.click(within(form).getByRole('button', { name: 'Send outcomes' }));
    // Each kind asks for its own details first.
    expect(within(form).getByText('Choose at least one economy you export to.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Number of jobs created')).toHaveAttribute('aria-invalid', 'true');
    const economies = within(form).getByRole('group', { name: 'Economies you export to' });
    await user.click(within(economies).getByRole('checkbox', { name: 'Singapore' }));
    await user.type(within(form).getByLabelText('Number of jobs created'), '3');
    await user.type(within(form).getByLabelText('Note on “Created jobs”'), 'Two packers, one driver');
    await user.click(within(form).getByRole('button', { name: 'Send outcomes' }));
    expect(await screen.findByText('Thank you: your outcomes were recorded.')).toBeInTheDocument();
    expect(api.calls.find((c) => c.operation === 'ReportMentorshipOutcomes')?.variables).toEqual({
      mentorshipId: 'ms-1',
      outcomes: [
        { kind: 'EXPORT_STARTED', note: null, economies: ['SG'] },
        { kind: 'JOBS_CREATED', note: 'Two packers, one driver', jobsCreated: 3 },
      ],
    });
  });

  it('lets “nothing yet” stand alone', async () => {
    const user = userEvent.setup();
    api = mockApi({
      ...signedInAs(['MSME_OWNER']),
      Reference: () => REFERENCE,
      MentorshipPage: () => ({ mentorship: mentorship() }),
    });
    render(<TestApp path="/mentorships/ms-1" />);
    await user.click(await screen.findByRole('button', { name: 'Report outcomes' }));
    const form = screen.getByRole('form', { name: 'Report outcomes' });
    await user.click(within(form).getByRole('checkbox', { name: 'A new partnership' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Nothing yet' }));
    expect(within(form).getByRole('checkbox', { name: 'A new partnership' })).not.toBeChecked();
    expect(within(form).getByRole('checkbox', { name: 'Nothing yet' })).toBeChecked();
  });

  it('shows the mentor the same page, without the outcome survey', async () => {
    api = mockApi({
      ...signedInAs(['MENTOR'], { id: 'mentor-user' }),
      Reference: () => REFERENCE,
      MyMentorProfileId: () => ({ myMentorProfile: { id: 'mentor-1' } }),
      MentorshipPage: () => ({ mentorship: mentorship() }),
    });
    render(<TestApp path="/mentorships/ms-1" />);
    expect(await screen.findByRole('form', { name: 'Log a session' })).toBeInTheDocument();
    const parties = screen.getByRole('region', { name: 'Who and when' });
    expect(within(parties).queryByRole('link', { name: 'Kopi Lestari' })).not.toBeInTheDocument();
    expect(within(parties).getByText('You')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Report outcomes' })).not.toBeInTheDocument();
  });
});
