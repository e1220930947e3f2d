import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../../components/error-notice';
import { TextArea } from '../../../components/fields';
import {
  COMPLETE_MENTORSHIP,
  END_MENTORSHIP,
  END_REASON_MAX,
  REFRESH,
  type MentorshipData,
  type Side,
} from './documents';

/** Either party completes the mentorship, or ends it early with a reason (each asks once more). */
export function Finish({ mentorship, side }: { mentorship: MentorshipData; side: Side | null }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'idle' | 'complete' | 'end'>('idle');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [completing, complete] = useMutation(COMPLETE_MENTORSHIP);
  const [ending, end] = useMutation(END_MENTORSHIP);
  if (side === null || mentorship.status !== 'ACTIVE') return null;

  const confirmComplete = async () => {
    const response = await complete({ id: mentorship.id }, REFRESH);
    if (response.data) setMode('idle');
  };
  const submitEnd = async (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) return setProblem(t('owner.finish.errors.reasonRequired'));
    if (text.length > END_REASON_MAX)
      return setProblem(t('owner.finish.errors.reasonLength', { max: END_REASON_MAX }));
    setProblem(undefined);
    const response = await end({ id: mentorship.id, reason: text }, REFRESH);
    if (response.data) setMode('idle');
  };

  return (
    <section aria-labelledby="mentorship-finish">
      <h2 id="mentorship-finish">{t('owner.finish.title')}</h2>
      <p>{t('owner.finish.intro')}</p>
      <ErrorNotice error={completing.error ?? ending.error} />
      {mode === 'idle' ? (
        <div className="actions">
          <button type="button" onClick={() => setMode('complete')}>
            {t('owner.finish.complete')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setMode('end')}>
            {t('owner.finish.end')}
          </button>
        </div>
      ) : null}
      {mode === 'complete' ? (
        <div className="notice" role="group" aria-labelledby="confirm-complete">
          <p id="confirm-complete">{t('owner.finish.confirmComplete')}</p>
          <div className="actions">
            <button type="button" disabled={completing.fetching} onClick={() => void confirmComplete()}>
              {t('owner.finish.confirmCompleteYes')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setMode('idle')}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {mode === 'end' ? (
        <form className="form" onSubmit={(e) => void submitEnd(e)} noValidate aria-labelledby="end-title">
          <h3 id="end-title">{t('owner.finish.endTitle')}</h3>
          <TextArea
            label={t('owner.finish.reason')}
            help={t('owner.finish.reasonHelp', { max: END_REASON_MAX })}
            required
            maxLength={END_REASON_MAX}
            value={reason}
            error={problem}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="actions">
            <button type="submit" className="button-danger" disabled={ending.fetching}>
              {t('owner.finish.endButton')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setMode('idle')}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
