import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { DATE_MAX, DATE_MIN, PROGRAM_NAME_MAX } from '../../api/bounds';
import { errorField } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ErrorNotice } from '../../components/error-notice';
import { CheckboxField, TextField } from '../../components/fields';
import { graphql } from '../../graphql';

const CREATE_PROGRAM = graphql(`
  mutation CreateProgram($input: CreateProgramInput!) {
    createProgram(input: $input) {
      id
      name
      economies
      startsOn
      endsOn
      cohort {
        organizations
        mentors
      }
    }
  }
`);

/** The score components in the order the platform lists them, with its default weights. */
export const WEIGHT_KEYS = [
  'sector',
  'topics',
  'internationalization',
  'economy',
  'locality',
  'womenLed',
] as const;
type WeightKey = (typeof WEIGHT_KEYS)[number];
const DEFAULT_WEIGHTS: Record<WeightKey, string> = {
  sector: '25',
  topics: '25',
  internationalization: '20',
  economy: '10',
  locality: '10',
  womenLed: '10',
};

const isWhole = (value: string) => /^\d+$/.test(value.trim()) && Number(value) <= 100;

/**
 * Creates a programme: name, economies (those the manager manages; any for admins), dates and,
 * optionally, its own score weights, which must add up to 100 (the sum is shown as it changes).
 */
export function CreateProgramForm({
  economies,
}: {
  economies: ReadonlyArray<{ code: string; name: string }>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, hasRole } = useSession();
  const sumId = useId();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [ownWeights, setOwnWeights] = useState(false);
  const [weights, setWeights] = useState<Record<WeightKey, string>>(DEFAULT_WEIGHTS);
  const [submitted, setSubmitted] = useState(false);
  const [result, createProgram] = useMutation(CREATE_PROGRAM);

  const choices = hasRole('ADMIN') ? economies : (user?.managedEconomies ?? []);
  const sum = WEIGHT_KEYS.reduce((total, key) => total + (Number(weights[key]) || 0), 0);
  const weightsWhole = WEIGHT_KEYS.every((key) => isWhole(weights[key]));
  const dateError = (date: string): string | null =>
    date === ''
      ? t('manager.create.dateRequired')
      : date < DATE_MIN || date > DATE_MAX
        ? t('manager.create.dateRange', { min: DATE_MIN, max: DATE_MAX })
        : null;
  const errors = {
    name: name.trim() === '' ? t('manager.create.nameRequired') : null,
    economies: chosen.length === 0 ? t('manager.create.economiesRequired') : null,
    startsOn: dateError(startsOn),
    endsOn:
      dateError(endsOn) ?? (startsOn !== '' && endsOn < startsOn ? t('manager.create.endBeforeStart') : null),
    weights: !ownWeights
      ? null
      : !weightsWhole
        ? t('manager.create.weightsWhole')
        : sum !== 100
          ? t('manager.create.weightsSum', { sum })
          : null,
  };
  const serverField = errorField(result.error);
  const shown = (field: keyof typeof errors) =>
    (submitted ? errors[field] : null) ?? (serverField === field ? t('manager.create.serverRejected') : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(errors).some(Boolean)) return;
    const response = await createProgram({
      input: {
        name: name.trim(),
        economies: chosen,
        startsOn,
        endsOn,
        weights: ownWeights
          ? {
              sector: Number(weights.sector),
              topics: Number(weights.topics),
              internationalization: Number(weights.internationalization),
              economy: Number(weights.economy),
              locality: Number(weights.locality),
              womenLed: Number(weights.womenLed),
            }
          : undefined,
      },
    });
    if (response.data) void navigate(`/programs/${response.data.createProgram.id}`);
  };

  const economiesError = shown('economies');
  const weightsError = shown('weights');
  return (
    <section aria-labelledby="create-program">
      <h2 id="create-program">{t('manager.create.title')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorNotice error={result.error} />
        <TextField
          label={t('manager.create.name')}
          name="name"
          required
          maxLength={PROGRAM_NAME_MAX}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={shown('name')}
        />
        <fieldset aria-describedby={economiesError ? `${sumId}-economies` : undefined}>
          <legend>{t('manager.create.economies')}</legend>
          <p className="field-help">
            {hasRole('ADMIN') ? t('manager.create.economiesHelpAdmin') : t('manager.create.economiesHelp')}
          </p>
          {choices.length === 0 ? <p>{t('manager.create.noEconomies')}</p> : null}
          <div className="form-row">
            {choices.map((e) => (
              <CheckboxField
                key={e.code}
                label={e.name}
                name="economies"
                value={e.code}
                checked={chosen.includes(e.code)}
                onChange={(event) =>
                  setChosen((now) =>
                    event.target.checked ? [...now, e.code] : now.filter((code) => code !== e.code),
                  )
                }
              />
            ))}
          </div>
          {economiesError ? (
            <p className="field-error" id={`${sumId}-economies`}>
              {economiesError}
            </p>
          ) : null}
        </fieldset>
        <div className="form-row">
          <TextField
            label={t('manager.create.startsOn')}
            type="date"
            name="startsOn"
            required
            min={DATE_MIN}
            max={DATE_MAX}
            value={startsOn}
            onChange={(e) => setStartsOn(e.target.value)}
            error={shown('startsOn')}
          />
          <TextField
            label={t('manager.create.endsOn')}
            type="date"
            name="endsOn"
            required
            min={startsOn || DATE_MIN}
            max={DATE_MAX}
            value={endsOn}
            onChange={(e) => setEndsOn(e.target.value)}
            error={shown('endsOn')}
          />
        </div>
        <CheckboxField
          label={t('manager.create.ownWeights')}
          help={t('manager.create.ownWeightsHelp')}
          checked={ownWeights}
          onChange={(e) => setOwnWeights(e.target.checked)}
        />
        {ownWeights ? (
          <fieldset aria-describedby={sumId}>
            <legend>{t('manager.create.weights')}</legend>
            <div className="form-row">
              {WEIGHT_KEYS.map((key) => (
                <TextField
                  key={key}
                  label={t(`manager.weights.${key}`)}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={100}
                  step={1}
                  value={weights[key]}
                  onChange={(e) => setWeights((now) => ({ ...now, [key]: e.target.value }))}
                />
              ))}
            </div>
            <p
              id={sumId}
              className={sum === 100 && weightsWhole ? 'field-help' : 'field-error'}
              aria-live="polite"
            >
              {t('manager.create.weightsTotal', { sum })}
              {weightsError ? ` ${weightsError}` : null}
            </p>
          </fieldset>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={result.fetching}>
            {result.fetching ? t('manager.create.creating') : t('manager.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
