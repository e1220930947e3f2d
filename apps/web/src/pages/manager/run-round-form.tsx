import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation, type CombinedError } from 'urql';
import { ErrorNotice } from '../../components/error-notice';
import { SelectField, TextField } from '../../components/fields';
import { graphql, type VariablesOf } from '../../graphql';
import { isPercent, percentToShare } from './format';
import { ALGORITHMS, type Algorithm } from './rounds';

export const START_ROUND = graphql(`
  mutation StartMatchingRound($programId: ID!, $input: MatchingRoundInput!) {
    startMatchingRound(programId: $programId, input: $input) {
      id
      algorithm
      status
      progress
    }
  }
`);

type RoundInput = VariablesOf<typeof START_ROUND>['input'];

/**
 * The settings of a matching round: algorithm, mentors per organisation and the optional
 * inclusion targets (typed as percentages, sent as shares 0-1). "Start round" runs the chosen
 * algorithm and opens the round; "Compare algorithms" runs all three with the same settings.
 */
export function RunRoundForm({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const targetsHelp = useId();
  const [algorithm, setAlgorithm] = useState<Algorithm>('OPTIMAL');
  const [maxMentors, setMaxMentors] = useState('1');
  const [womenLed, setWomenLed] = useState('');
  const [nonMetro, setNonMetro] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [comparing, setComparing] = useState(false);
  const [compareError, setCompareError] = useState<CombinedError | undefined>();
  const [started, start] = useMutation(START_ROUND);

  const errors = {
    womenLed: isPercent(womenLed) ? null : t('manager.run.percentRange'),
    nonMetro: isPercent(nonMetro) ? null : t('manager.run.percentRange'),
  };
  const valid = !errors.womenLed && !errors.nonMetro;
  const settings = (chosen: Algorithm): RoundInput => {
    const input: RoundInput = { algorithm: chosen, maxMentorsPerOrganization: Number(maxMentors) };
    const women = percentToShare(womenLed);
    const metro = percentToShare(nonMetro);
    if (women !== undefined) input.minWomenLedShare = women;
    if (metro !== undefined) input.minNonMetropolitanShare = metro;
    return input;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setCompareError(undefined);
    if (!valid) return;
    const response = await start({ programId, input: settings(algorithm) });
    if (response.data) void navigate(`/rounds/${response.data.startMatchingRound.id}`);
  };

  const compare = async () => {
    setSubmitted(true);
    setCompareError(undefined);
    if (!valid) return;
    setComparing(true);
    const ids: string[] = [];
    for (const each of ALGORITHMS) {
      const response = await start({ programId, input: settings(each) });
      if (!response.data) {
        setCompareError(response.error);
        setComparing(false);
        return;
      }
      ids.push(response.data.startMatchingRound.id);
    }
    setComparing(false);
    void navigate(`/programs/${programId}/compare?rounds=${ids.join(',')}`);
  };

  const busy = started.fetching || comparing;
  return (
    <form
      className="form manager-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="run-round"
    >
      <h2 id="run-round">{t('manager.run.title')}</h2>
      <ErrorNotice error={compareError ?? (comparing ? undefined : started.error)} />
      <fieldset>
        <legend>{t('manager.run.algorithm')}</legend>
        {ALGORITHMS.map((a) => (
          <div className="field field-checkbox" key={a}>
            <input
              type="radio"
              id={`algorithm-${a}`}
              name="algorithm"
              value={a}
              checked={algorithm === a}
              onChange={() => setAlgorithm(a)}
              aria-describedby={`algorithm-${a}-help`}
            />
            <label htmlFor={`algorithm-${a}`}>{t(`manager.algorithms.${a}`)}</label>
            <p className="field-help" id={`algorithm-${a}-help`}>
              {t(`manager.algorithmHelp.${a}`)}
            </p>
          </div>
        ))}
      </fieldset>
      <SelectField
        label={t('manager.run.maxMentors')}
        help={t('manager.run.maxMentorsHelp')}
        value={maxMentors}
        onChange={(e) => setMaxMentors(e.target.value)}
        options={['1', '2', '3'].map((n) => ({ value: n, label: n }))}
      />
      <fieldset aria-describedby={targetsHelp}>
        <legend>{t('manager.run.targets')}</legend>
        <p className="field-help" id={targetsHelp}>
          {t('manager.run.targetsHelp')}
        </p>
        <div className="form-row">
          <TextField
            label={t('manager.run.womenLed')}
            help={t('manager.run.percentHelp')}
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step="any"
            value={womenLed}
            onChange={(e) => setWomenLed(e.target.value)}
            error={submitted ? errors.womenLed : null}
          />
          <TextField
            label={t('manager.run.nonMetro')}
            help={t('manager.run.percentHelp')}
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step="any"
            value={nonMetro}
            onChange={(e) => setNonMetro(e.target.value)}
            error={submitted ? errors.nonMetro : null}
          />
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {started.fetching && !comparing ? t('manager.run.starting') : t('manager.run.start')}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() => void compare()}
          aria-describedby="compare-help"
        >
          {comparing ? t('manager.run.comparing') : t('manager.run.compare')}
        </button>
      </div>
      <p className="hint" id="compare-help">
        {t('manager.run.compareHelp')}
      </p>
    </form>
  );
}
