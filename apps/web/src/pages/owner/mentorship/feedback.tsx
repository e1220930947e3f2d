import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { RadioGroup } from '../../../components/choice-groups';
import { ErrorNotice } from '../../../components/error-notice';
import { TextArea } from '../../../components/fields';
import { formatDate } from '../format';
import { FEEDBACK_COMMENT_MAX, REFRESH, SUBMIT_FEEDBACK, type MentorshipData, type Side } from './documents';

type FeedbackEntry = MentorshipData['feedback'][number];

/**
 * Once the mentorship has finished, each party rates it once (1–5, with a comment). Each sees
 * the other's when both have given theirs, or 14 days after the end.
 */
export function Feedback({ mentorship, side }: { mentorship: MentorshipData; side: Side | null }) {
  const { t } = useTranslation();
  const finished = mentorship.status !== 'ACTIVE';
  const mine = side ? mentorship.feedback.find((f) => f.side === side) : undefined;
  const others = mentorship.feedback.filter((f) => f.side !== side);
  return (
    <section aria-labelledby="mentorship-feedback">
      <h2 id="mentorship-feedback">{t('owner.feedback.title')}</h2>
      {!finished ? <p>{t('owner.feedback.notYet')}</p> : null}
      {mine ? <FeedbackCard entry={mine} title={t('owner.feedback.yours')} /> : null}
      {others.map((f) => (
        <FeedbackCard key={f.side} entry={f} title={t(`owner.feedback.from.${f.side}`)} />
      ))}
      {finished && side && others.length === 0 ? <p className="hint">{t('owner.feedback.hidden')}</p> : null}
      {finished && side && !mine ? <FeedbackForm mentorshipId={mentorship.id} side={side} /> : null}
    </section>
  );
}

function FeedbackCard({ entry, title }: { entry: FeedbackEntry; title: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="card">
      <h3>{title}</h3>
      <p>
        <span className="stars" aria-hidden="true">
          {'★'.repeat(entry.rating)}
          {'☆'.repeat(5 - entry.rating)}
        </span>{' '}
        {t('owner.feedback.rating', { rating: entry.rating })}
      </p>
      {entry.comment ? <p>{entry.comment}</p> : null}
      <p className="meta">{formatDate(i18n.language, entry.submittedAt)}</p>
    </div>
  );
}

function FeedbackForm({ mentorshipId, side }: { mentorshipId: string; side: Side }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState('');
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<{ rating?: string; comment?: string }>({});
  const [result, submit] = useMutation(SUBMIT_FEEDBACK);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof problems = {};
    if (!rating) found.rating = t('owner.feedback.errors.rating');
    if (comment.trim().length > FEEDBACK_COMMENT_MAX) {
      found.comment = t('owner.feedback.errors.comment', { max: FEEDBACK_COMMENT_MAX });
    }
    setProblems(found);
    if (found.rating || found.comment) return;
    await submit({ mentorshipId, rating: Number(rating), comment: comment.trim() || null }, REFRESH);
  };
  return (
    <form className="form" onSubmit={(e) => void send(e)} noValidate aria-labelledby="give-feedback">
      <h3 id="give-feedback">{t('owner.feedback.give')}</h3>
      <p>{t(`owner.feedback.giveHelp.${side}`)}</p>
      <ErrorNotice error={result.error} />
      <RadioGroup
        legend={t('owner.feedback.ratingLabel')}
        name="rating"
        value={rating}
        error={problems.rating}
        onChange={setRating}
        options={['1', '2', '3', '4', '5'].map((r) => ({
          value: r,
          label: t(`owner.feedback.ratings.${r}`),
        }))}
      />
      <TextArea
        label={t('owner.feedback.comment')}
        help={t('owner.feedback.commentHelp', { max: FEEDBACK_COMMENT_MAX })}
        maxLength={FEEDBACK_COMMENT_MAX}
        value={comment}
        error={problems.comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="actions">
        <button type="submit" disabled={result.fetching}>
          {t('owner.feedback.send')}
        </button>
      </div>
    </form>
  );
}
