import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CheckboxGroup } from '../../../components/choice-groups';
import { ErrorNotice } from '../../../components/error-notice';
import { TextArea, TextField } from '../../../components/fields';
import { rejectedFields } from '../../../api/errors';
import { dayOf, formatDay, formatNumber, todayIso } from '../format';
import { useReference } from '../../../api/reference';
import { LOG_SESSION, NOTES_MAX, REFRESH, type MentorshipData, type Side } from './documents';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The sessions held, oldest first, and — while it runs — a form for either party to log one. */
export function Sessions({ mentorship, side }: { mentorship: MentorshipData; side: Side | null }) {
  const { t, i18n } = useTranslation();
  const reference = useReference();
  const lang = i18n.language;
  const total = mentorship.sessions.reduce((sum, s) => sum + s.minutes, 0);
  return (
    <section aria-labelledby="mentorship-sessions">
      <h2 id="mentorship-sessions">{t('owner.sessions.title')}</h2>
      {mentorship.sessions.length === 0 ? (
        <p>{t('owner.sessions.empty')}</p>
      ) : (
        <>
          <p className="meta">
            {t('owner.sessions.summary', {
              count: mentorship.sessions.length,
              minutes: formatNumber(lang, total),
            })}
          </p>
          {/* Focusable, so a table wider than a phone can be scrolled from the keyboard. */}
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="sessions-caption">
            <table>
              <caption className="visually-hidden" id="sessions-caption">
                {t('owner.sessions.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('owner.sessions.date')}</th>
                  <th scope="col">{t('owner.sessions.minutes')}</th>
                  <th scope="col">{t('owner.sessions.topics')}</th>
                  <th scope="col">{t('owner.sessions.notes')}</th>
                </tr>
              </thead>
              <tbody>
                {mentorship.sessions.map((s) => (
                  <tr key={s.id}>
                    <td>{formatDay(lang, s.heldOn)}</td>
                    <td>{formatNumber(lang, s.minutes)}</td>
                    <td>{s.topics.map((code) => reference.topicLabel(code)).join(', ') || '—'}</td>
                    <td>{s.notes || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {side !== null && mentorship.status === 'ACTIVE' ? (
        <LogSession mentorshipId={mentorship.id} startedOn={dayOf(mentorship.startedAt)} />
      ) : null}
    </section>
  );
}

function LogSession({ mentorshipId, startedOn }: { mentorshipId: string; startedOn: string }) {
  const { t } = useTranslation();
  const reference = useReference();
  const [heldOn, setHeldOn] = useState(todayIso);
  const [minutes, setMinutes] = useState('60');
  const [topics, setTopics] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [logged, setLogged] = useState(false);
  const [result, log] = useMutation(LOG_SESSION);
  const today = todayIso();
  const server = rejectedFields(result.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!ISO_DAY.test(heldOn)) found.heldOn = t('owner.sessions.errors.heldOn');
    else if (heldOn > today || heldOn < startedOn) found.heldOn = t('owner.sessions.errors.heldOnRange');
    const count = Number(minutes);
    if (!/^\d+$/.test(minutes.trim()) || count < 1 || count > 600)
      found.minutes = t('owner.sessions.errors.minutes');
    if (notes.trim().length > NOTES_MAX) found.notes = t('owner.sessions.errors.notes', { max: NOTES_MAX });
    setProblems(found);
    setLogged(false);
    if (Object.keys(found).length > 0) return;
    const response = await log(
      {
        mentorshipId,
        input: { heldOn, minutes: count, topics, notes: notes.trim() },
      },
      REFRESH,
    );
    if (response.data) {
      setMinutes('60');
      setTopics([]);
      setNotes('');
      setLogged(true);
    }
  };
  const errorOf = (field: string, fallback: string) =>
    problems[field] ?? (server.has(field) ? fallback : undefined);

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="log-session">
      <h3 id="log-session">{t('owner.sessions.log')}</h3>
      <ErrorNotice error={result.error} />
      <div className="form-row">
        <TextField
          label={t('owner.sessions.heldOn')}
          help={t('owner.sessions.heldOnHelp')}
          type="date"
          required
          min={startedOn}
          max={today}
          value={heldOn}
          error={errorOf('heldOn', t('owner.sessions.errors.heldOnRange'))}
          onChange={(e) => setHeldOn(e.target.value)}
        />
        <TextField
          label={t('owner.sessions.minutesLabel')}
          help={t('owner.sessions.minutesHelp')}
          type="number"
          inputMode="numeric"
          required
          min={1}
          max={600}
          step={1}
          value={minutes}
          error={errorOf('minutes', t('owner.sessions.errors.minutes'))}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </div>
      <CheckboxGroup
        legend={t('owner.sessions.topicsLabel')}
        help={t('owner.sessions.topicsHelp')}
        long
        options={reference.topics}
        value={topics}
        error={server.has('topics') ? t('owner.sessions.errors.topics') : undefined}
        onChange={setTopics}
      />
      <TextArea
        label={t('owner.sessions.notesLabel')}
        help={t('owner.sessions.notesHelp', { max: NOTES_MAX })}
        maxLength={NOTES_MAX}
        value={notes}
        error={errorOf('notes', t('owner.sessions.errors.notes', { max: NOTES_MAX }))}
        onChange={(e) => setNotes(e.target.value)}
      />
      <div className="actions">
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? t('common.saving') : t('owner.sessions.logButton')}
        </button>
        <span role="status" className="meta">
          {logged ? t('owner.sessions.logged') : ''}
        </span>
      </div>
    </form>
  );
}
