import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../../components/error-notice';
import { SelectField, TextField } from '../../../components/fields';
import { rejectedFields } from '../../../api/errors';
import { ADD_GOAL, GOAL_TITLE_MAX, REFRESH, UPDATE_GOAL, type MentorshipData, type Side } from './documents';

const GOAL_STATUSES = ['OPEN', 'IN_PROGRESS', 'ACHIEVED', 'DROPPED'] as const;
type GoalStatus = (typeof GOAL_STATUSES)[number];

/** The goals: either party adds them and moves them on while the mentorship runs. */
export function Goals({ mentorship, side }: { mentorship: MentorshipData; side: Side | null }) {
  const { t } = useTranslation();
  const editable = side !== null && mentorship.status === 'ACTIVE';
  const achieved = mentorship.goals.filter((g) => g.status === 'ACHIEVED').length;
  return (
    <section aria-labelledby="mentorship-goals">
      <h2 id="mentorship-goals">{t('owner.goals.title')}</h2>
      {mentorship.goals.length === 0 ? (
        <p>{t('owner.goals.empty')}</p>
      ) : (
        <>
          <p className="meta">{t('owner.goals.summary', { achieved, total: mentorship.goals.length })}</p>
          <ul className="goal-list">
            {mentorship.goals.map((goal) =>
              editable ? (
                <GoalRow key={goal.id} goal={goal} />
              ) : (
                <li key={goal.id}>
                  <span>{goal.title}</span>
                  <span>
                    <span className="badge">{t(`owner.goalStatus.${goal.status}`)}</span>
                  </span>
                </li>
              ),
            )}
          </ul>
        </>
      )}
      {editable ? <AddGoal mentorshipId={mentorship.id} /> : null}
    </section>
  );
}

function GoalRow({ goal }: { goal: MentorshipData['goals'][number] }) {
  const { t } = useTranslation();
  const [result, update] = useMutation(UPDATE_GOAL);
  // What the user chose, until the refetched goal agrees (or the change failed).
  const [chosen, setChosen] = useState<GoalStatus | null>(null);
  const value = chosen ?? goal.status;
  const change = async (status: GoalStatus) => {
    setChosen(status);
    const response = await update({ id: goal.id, status }, REFRESH);
    if (response.data) setChosen(null);
  };
  return (
    <li>
      <span>{goal.title}</span>
      <div>
        <SelectField
          label={t('owner.goals.status')}
          aria-label={t('owner.goals.statusOfGoal', { title: goal.title })}
          value={value}
          disabled={result.fetching}
          onChange={(e) => void change(e.target.value as GoalStatus)}
          options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`owner.goalStatus.${s}`) }))}
        />
        <ErrorNotice error={result.error} />
      </div>
    </li>
  );
}

function AddGoal({ mentorshipId }: { mentorshipId: string }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [result, add] = useMutation(ADD_GOAL);
  const [added, setAdded] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = title.trim();
    if (!text) return setProblem(t('owner.goals.errors.required'));
    if (text.length > GOAL_TITLE_MAX)
      return setProblem(t('owner.goals.errors.length', { max: GOAL_TITLE_MAX }));
    setProblem(undefined);
    setAdded(null);
    const response = await add({ mentorshipId, title: text }, REFRESH);
    if (response.data) {
      setTitle('');
      setAdded(response.data.addMentorshipGoal.title);
    }
  };
  const serverRejected = rejectedFields(result.error).has('title');
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-goal">
      <h3 id="add-goal">{t('owner.goals.add')}</h3>
      <ErrorNotice error={result.error} />
      <TextField
        label={t('owner.goals.newGoal')}
        help={t('owner.goals.newGoalHelp', { max: GOAL_TITLE_MAX })}
        maxLength={GOAL_TITLE_MAX}
        value={title}
        error={
          problem ?? (serverRejected ? t('owner.goals.errors.length', { max: GOAL_TITLE_MAX }) : undefined)
        }
        onChange={(e) => setTitle(e.target.value)}
      />
      <div className="actions">
        <button type="submit" disabled={result.fetching}>
          {t('owner.goals.addButton')}
        </button>
        <span role="status" className="meta">
          {added ? t('owner.goals.added', { title: added }) : ''}
        </span>
      </div>
    </form>
  );
}
