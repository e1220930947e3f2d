import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useDraft } from '../../components/use-draft';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../components/error-notice';
import { CheckboxField, TextArea, TextField } from '../../components/fields';
import { graphql } from '../../graphql';

export const REQUEST_MENTORSHIP = graphql(`
  mutation RequestMentorship($input: RequestMentorshipInput!) {
    requestMentorship(input: $input) {
      id
      status
      expiresAt
      organization {
        id
        openRequests
      }
    }
  }
`);

export const MESSAGE_MAX = 2000;
export const GOALS_MAX = 10;
export const GOAL_MAX = 200;

/**
 * Asks one mentor to mentor the organisation: a message, up to ten goals, and whether to send
 * the request on by itself if it expires. What was typed stays until the request is sent.
 */
export function RequestForm({
  organizationId,
  mentor,
  onSent,
  onCancel,
}: {
  organizationId: string;
  mentor: { id: string; displayName: string };
  onSent(requestId: string): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation();
  // Kept as a draft: an expired session or a refused request loses nothing typed.
  const [draft, setDraft, clearDraft] = useDraft(`request.${organizationId}.${mentor.id}`, {
    message: '',
    goals: [''],
    autoReroute: false,
  });
  const { message, goals, autoReroute } = draft;
  const setMessage = (next: string) => setDraft((d) => ({ ...d, message: next }));
  const setGoals = (next: (all: string[]) => string[]) => setDraft((d) => ({ ...d, goals: next(d.goals) }));
  const setAutoReroute = (next: boolean) => setDraft((d) => ({ ...d, autoReroute: next }));
  const [errors, setErrors] = useState<{ message?: string; goals: Record<number, string> }>({ goals: {} });
  const [focusGoal, setFocusGoal] = useState<number | null>(null);
  const [result, request] = useMutation(REQUEST_MENTORSHIP);
  const listRef = useRef<HTMLOListElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  const titleId = useId();

  useEffect(() => {
    if (focusGoal === null) return;
    listRef.current?.querySelectorAll('input')[focusGoal]?.focus();
  }, [focusGoal, goals.length]);

  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = message.trim();
    const found: typeof errors = { goals: {} };
    if (!text) found.message = t('owner.request.errors.messageRequired');
    else if (text.length > MESSAGE_MAX)
      found.message = t('owner.request.errors.messageLength', { max: MESSAGE_MAX });
    goals.forEach((g, i) => {
      if (g.trim().length > GOAL_MAX)
        found.goals[i] = t('owner.request.errors.goalLength', { max: GOAL_MAX });
    });
    setErrors(found);
    if (found.message || Object.keys(found.goals).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const response = await request(
      {
        input: {
          organizationId,
          mentorId: mentor.id,
          message: text,
          goals: goals.map((g) => g.trim()).filter(Boolean),
          autoReroute,
        },
      },
      { additionalTypenames: ['Organization', 'MentorshipRequest'] },
    );
    if (response.data) {
      clearDraft();
      onSent(response.data.requestMentorship.id);
    }
  };

  const count = new Intl.NumberFormat(i18n.language);
  return (
    <form
      ref={formRef}
      className="form request-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={titleId}
    >
      <h4 id={titleId}>{t('owner.request.title', { name: mentor.displayName })}</h4>
      <ErrorNotice error={result.error} />
      <TextArea
        label={t('owner.request.message')}
        help={t('owner.request.messageHelp', { max: count.format(MESSAGE_MAX) })}
        required
        maxLength={MESSAGE_MAX}
        value={message}
        error={errors.message}
        onChange={(e) => setMessage(e.target.value)}
      />
      <p className="counter" aria-hidden="true">
        {count.format(message.length)} / {count.format(MESSAGE_MAX)}
      </p>
      <fieldset>
        <legend>{t('owner.request.goals')}</legend>
        <p className="field-help">{t('owner.request.goalsHelp', { max: GOALS_MAX, length: GOAL_MAX })}</p>
        <ol className="goal-inputs" ref={listRef}>
          {goals.map((goal, i) => (
            <li key={i} className="goal-input">
              <TextField
                label={t('owner.request.goal', { number: i + 1 })}
                maxLength={GOAL_MAX}
                value={goal}
                error={errors.goals[i]}
                onChange={(e) => setGoals((all) => all.map((g, j) => (j === i ? e.target.value : g)))}
              />
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  setGoals((all) => all.filter((_, j) => j !== i));
                  setFocusGoal(null);
                }}
              >
                {t('owner.request.removeGoal', { number: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button-secondary"
          disabled={goals.length >= GOALS_MAX}
          onClick={() => {
            setGoals((all) => [...all, '']);
            setFocusGoal(goals.length);
          }}
        >
          {t('owner.request.addGoal')}
        </button>
      </fieldset>
      <CheckboxField
        label={t('owner.request.autoReroute')}
        help={t('owner.request.autoRerouteHelp')}
        checked={autoReroute}
        onChange={(e) => setAutoReroute(e.target.checked)}
      />
      <div className="actions">
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? t('owner.request.sending') : t('owner.request.send')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
