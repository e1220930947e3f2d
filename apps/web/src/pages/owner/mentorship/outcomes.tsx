import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CheckboxGroup } from '../../../components/choice-groups';
import { ErrorNotice } from '../../../components/error-notice';
import { CheckboxField, SelectField, TextArea, TextField } from '../../../components/fields';
import type { VariablesOf } from '../../../graphql';
import { rejectedFields } from '../../../api/errors';
import { formatDate, formatNumber } from '../format';
import { useReference } from '../../../api/reference';
import { NOTES_MAX, REFRESH, REPORT_OUTCOMES, type MentorshipData, type Side } from './documents';

type OutcomeInput = VariablesOf<typeof REPORT_OUTCOMES>['outcomes'][number];
type Kind = OutcomeInput['kind'];
type Band = NonNullable<OutcomeInput['financingBand']>;

export const OUTCOME_KINDS: Kind[] = [
  'EXPORT_STARTED',
  'PARTNERSHIP',
  'FINANCING',
  'NEW_PRODUCT_OR_PROCESS',
  'DIGITAL_ADOPTION',
  'JOBS_CREATED',
  'NONE',
];
export const FINANCING_BANDS: Band[] = [
  'UNDER_10K',
  'FROM_10K_TO_50K',
  'FROM_50K_TO_250K',
  'FROM_250K_TO_1M',
  'OVER_1M',
];
const JOBS_MAX = 100_000;

/** What each outcome kind needs besides the kind: the details the API takes for it. */
interface Details {
  economies: string[];
  financingBand: string;
  jobsCreated: string;
  note: string;
}
const NO_DETAILS: Details = { economies: [], financingBand: '', jobsCreated: '', note: '' };

/** Builds the API's outcomes from the ticked kinds, or names what is missing (key → message key). */
export function outcomesOf(
  chosen: Kind[],
  details: Partial<Record<Kind, Details>>,
): { outcomes: OutcomeInput[]; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  if (chosen.length === 0) problems.kinds = 'kinds';
  const outcomes = OUTCOME_KINDS.filter((k) => chosen.includes(k)).map((kind) => {
    const d = details[kind] ?? NO_DETAILS;
    const outcome: OutcomeInput = { kind, note: d.note.trim() || null };
    if (kind === 'EXPORT_STARTED') {
      if (d.economies.length === 0) problems[`${kind}.economies`] = 'economies';
      outcome.economies = d.economies;
    }
    if (kind === 'FINANCING') {
      if (!d.financingBand) problems[`${kind}.financingBand`] = 'financingBand';
      outcome.financingBand = (d.financingBand || null) as Band | null;
    }
    if (kind === 'JOBS_CREATED') {
      const jobs = Number(d.jobsCreated);
      if (!/^\d+$/.test(d.jobsCreated.trim()) || jobs < 1 || jobs > JOBS_MAX) {
        problems[`${kind}.jobsCreated`] = 'jobsCreated';
      }
      outcome.jobsCreated = jobs;
    }
    if (d.note.trim().length > NOTES_MAX) problems[`${kind}.note`] = 'note';
    return outcome;
  });
  return { outcomes, problems };
}

/** Outcomes reported so far, and — for the organisation's owner — the outcome survey. */
export function Outcomes({ mentorship, side }: { mentorship: MentorshipData; side: Side | null }) {
  const { t, i18n } = useTranslation();
  const reference = useReference();
  const [open, setOpen] = useState(false);
  const [thanks, setThanks] = useState(false);
  const lang = i18n.language;
  const detail = (o: MentorshipData['outcomes'][number]): string | null => {
    if (o.kind === 'EXPORT_STARTED') return o.economies.map((e) => reference.economyName(e)).join(', ');
    if (o.kind === 'FINANCING' && o.financingBand) return t(`owner.outcomes.bands.${o.financingBand}`);
    if (o.kind === 'JOBS_CREATED' && o.jobsCreated !== null) {
      return t('owner.outcomes.jobs', { count: o.jobsCreated, jobs: formatNumber(lang, o.jobsCreated) });
    }
    return null;
  };
  if (side !== 'ORGANIZATION' && mentorship.outcomes.length === 0) return null;
  return (
    <section aria-labelledby="mentorship-outcomes">
      <h2 id="mentorship-outcomes">{t('owner.outcomes.title')}</h2>
      {side === 'ORGANIZATION' ? <p>{t('owner.outcomes.intro')}</p> : null}
      {mentorship.outcomes.length > 0 ? (
        <ul className="cards">
          {mentorship.outcomes.map((o) => (
            <li key={o.id} className="card">
              <h3>{t(`owner.outcomes.kinds.${o.kind}`)}</h3>
              {detail(o) ? <p>{detail(o)}</p> : null}
              {o.note ? <p>{o.note}</p> : null}
              <p className="meta">
                {t('owner.outcomes.reportedOn', { date: formatDate(lang, o.reportedAt) })}
                {o.caseStudy ? (
                  <>
                    {' '}
                    <span className="badge badge-ok">{t('owner.outcomes.caseStudy')}</span>
                  </>
                ) : null}
              </p>
              {o.caseStudyNarrative ? <p>{o.caseStudyNarrative}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {thanks ? (
        <p className="notice notice-ok" role="status">
          {t('owner.outcomes.thanks')}
        </p>
      ) : null}
      {side === 'ORGANIZATION' ? (
        open ? (
          <OutcomeForm
            mentorshipId={mentorship.id}
            onDone={() => {
              setOpen(false);
              setThanks(true);
            }}
            onCancel={() => setOpen(false)}
          />
        ) : (
          <button
            type="button"
            onClick={() => {
              setOpen(true);
              setThanks(false);
            }}
          >
            {t('owner.outcomes.report')}
          </button>
        )
      ) : null}
    </section>
  );
}

function OutcomeForm({
  mentorshipId,
  onDone,
  onCancel,
}: {
  mentorshipId: string;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const reference = useReference();
  const [chosen, setChosen] = useState<Kind[]>([]);
  const [details, setDetails] = useState<Partial<Record<Kind, Details>>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [result, report] = useMutation(REPORT_OUTCOMES);
  const server = rejectedFields(result.error);

  const toggle = (kind: Kind, on: boolean) =>
    setChosen((all) => {
      if (!on) return all.filter((k) => k !== kind);
      // "Nothing yet" stands alone.
      if (kind === 'NONE') return ['NONE'];
      return [...all.filter((k) => k !== 'NONE'), kind];
    });
  const setDetail = <K extends keyof Details>(kind: Kind, key: K, value: Details[K]) =>
    setDetails((all) => ({ ...all, [kind]: { ...(all[kind] ?? NO_DETAILS), [key]: value } }));
  const problemOf = (kind: Kind, field: keyof Details): string | undefined => {
    const key = problems[`${kind}.${field}`] ?? (server.has(field) ? field : undefined);
    return key ? t(`owner.outcomes.errors.${key}`, { max: NOTES_MAX, jobs: JOBS_MAX }) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { outcomes, problems: found } = outcomesOf(chosen, details);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const response = await report({ mentorshipId, outcomes }, REFRESH);
    if (response.data) onDone();
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="report-outcomes">
      <h3 id="report-outcomes">{t('owner.outcomes.formTitle')}</h3>
      <ErrorNotice error={result.error} />
      <fieldset>
        <legend>{t('owner.outcomes.which')}</legend>
        <p className="field-help">{t('owner.outcomes.whichHelp')}</p>
        {problems.kinds ? <p className="field-error">{t('owner.outcomes.errors.kinds')}</p> : null}
        {OUTCOME_KINDS.map((kind) => {
          const on = chosen.includes(kind);
          const d = details[kind] ?? NO_DETAILS;
          return (
            <Fragment key={kind}>
              <CheckboxField
                label={t(`owner.outcomes.kinds.${kind}`)}
                help={t(`owner.outcomes.kindHelp.${kind}`)}
                checked={on}
                onChange={(e) => toggle(kind, e.target.checked)}
              />
              {on ? (
                <div className="outcome-details">
                  {kind === 'EXPORT_STARTED' ? (
                    <CheckboxGroup
                      legend={t('owner.outcomes.economies')}
                      long
                      options={reference.economies}
                      value={d.economies}
                      error={problemOf(kind, 'economies')}
                      onChange={(v) => setDetail(kind, 'economies', v)}
                    />
                  ) : null}
                  {kind === 'FINANCING' ? (
                    <SelectField
                      label={t('owner.outcomes.financingBand')}
                      value={d.financingBand}
                      error={problemOf(kind, 'financingBand')}
                      onChange={(e) => setDetail(kind, 'financingBand', e.target.value)}
                      options={[
                        { value: '', label: t('owner.orgForm.choose') },
                        ...FINANCING_BANDS.map((b) => ({ value: b, label: t(`owner.outcomes.bands.${b}`) })),
                      ]}
                    />
                  ) : null}
                  {kind === 'JOBS_CREATED' ? (
                    <TextField
                      label={t('owner.outcomes.jobsCreated')}
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={JOBS_MAX}
                      step={1}
                      value={d.jobsCreated}
                      error={problemOf(kind, 'jobsCreated')}
                      onChange={(e) => setDetail(kind, 'jobsCreated', e.target.value)}
                    />
                  ) : null}
                  <TextArea
                    label={t('owner.outcomes.note', { kind: t(`owner.outcomes.kinds.${kind}`) })}
                    help={t('owner.outcomes.noteHelp', { max: NOTES_MAX })}
                    maxLength={NOTES_MAX}
                    value={d.note}
                    error={problemOf(kind, 'note')}
                    onChange={(e) => setDetail(kind, 'note', e.target.value)}
                  />
                </div>
              ) : null}
            </Fragment>
          );
        })}
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={result.fetching}>
          {t('owner.outcomes.send')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
