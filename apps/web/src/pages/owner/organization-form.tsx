import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useDraft } from '../../components/use-draft';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { CheckboxGroup, RadioGroup } from '../../components/choice-groups';
import { ErrorNotice } from '../../components/error-notice';
import { CheckboxField, SelectField, TextArea, TextField } from '../../components/fields';
import { Loading } from '../../components/page';
import type { VariablesOf } from '../../graphql';
import { rejectedFields } from '../../api/errors';
import { sizeClassOf, womenLeadership } from './organization-rules';
import { useReference } from '../../api/reference';
import type { CREATE_ORGANIZATION } from './organization-documents';

export type OrganizationInput = VariablesOf<typeof CREATE_ORGANIZATION>['input'];

/** What the form holds: text as typed, so a failed save gives back exactly what was entered. */
export interface OrganizationFormValues {
  name: string;
  description: string;
  kind: string;
  isicSection: string;
  isicDivision: string;
  economy: string;
  city: string;
  locality: string;
  cluster: string;
  employees: string;
  foundedYear: string;
  womenOwnershipPercent: string;
  womanInTopManagement: boolean;
  hasBoard: boolean;
  boardWomenPercent: string;
  youthLed: boolean;
  socialEnterprise: boolean;
  prefersWomanMentor: boolean;
  mentorsWanted: string;
  needs: string[];
  targetEconomies: string[];
  languages: string[];
}

export const EMPTY_ORGANIZATION: OrganizationFormValues = {
  name: '',
  description: '',
  kind: 'MSME',
  isicSection: '',
  isicDivision: '',
  economy: '',
  city: '',
  locality: '',
  cluster: '',
  employees: '',
  foundedYear: '',
  womenOwnershipPercent: '',
  womanInTopManagement: false,
  hasBoard: false,
  boardWomenPercent: '',
  youthLed: false,
  socialEnterprise: false,
  prefersWomanMentor: false,
  mentorsWanted: '1',
  needs: [],
  targetEconomies: [],
  languages: [],
};

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 4000;
export const FOUNDED_YEAR_MIN = 1800;

const WHOLE = /^\d+$/;

const parsePercent = (text: string): number | null => {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
};

/** The form's values as the API's input (call only once `validate` found nothing). */
export function toInput(values: OrganizationFormValues): OrganizationInput {
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    kind: values.kind as OrganizationInput['kind'],
    isicDivision: values.isicDivision,
    economy: values.economy,
    city: values.city.trim(),
    locality: values.locality as OrganizationInput['locality'],
    cluster: values.cluster.trim() || null,
    employees: Number.parseInt(values.employees, 10),
    foundedYear: values.foundedYear.trim() ? Number.parseInt(values.foundedYear, 10) : null,
    womenOwnershipPercent: parsePercent(values.womenOwnershipPercent) ?? 0,
    womanInTopManagement: values.womanInTopManagement,
    boardWomenPercent: values.hasBoard ? parsePercent(values.boardWomenPercent) : null,
    youthLed: values.youthLed,
    socialEnterprise: values.socialEnterprise,
    prefersWomanMentor: values.prefersWomanMentor,
    mentorsWanted: Number.parseInt(values.mentorsWanted, 10),
    needs: values.needs,
    targetEconomies: values.targetEconomies,
    languages: values.languages,
  };
}

/** Field name → what is wrong (a message key under owner.orgForm.errors). */
export function validate(values: OrganizationFormValues, year: number): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'name';
  else if (values.name.trim().length > NAME_MAX) errors.name = 'nameLength';
  if (values.description.trim().length > DESCRIPTION_MAX) errors.description = 'description';
  if (!values.kind) errors.kind = 'kind';
  if (!values.isicDivision) errors.isicDivision = 'isicDivision';
  if (!values.economy) errors.economy = 'economy';
  if (!values.locality) errors.locality = 'locality';
  if (values.city.trim().length > NAME_MAX) errors.city = 'city';
  if (values.cluster.trim().length > NAME_MAX) errors.cluster = 'cluster';
  const employees = values.employees.trim();
  if (!WHOLE.test(employees) || Number(employees) > 10_000_000) errors.employees = 'employees';
  const founded = values.foundedYear.trim();
  if (founded && (!WHOLE.test(founded) || Number(founded) < FOUNDED_YEAR_MIN || Number(founded) > year)) {
    errors.foundedYear = 'foundedYear';
  }
  if (parsePercent(values.womenOwnershipPercent) === null) {
    errors.womenOwnershipPercent = 'womenOwnershipPercent';
  }
  if (values.hasBoard && parsePercent(values.boardWomenPercent) === null) {
    errors.boardWomenPercent = 'boardWomenPercent';
  }
  if (values.languages.length === 0) errors.languages = 'languages';
  if (!['1', '2', '3'].includes(values.mentorsWanted)) errors.mentorsWanted = 'mentorsWanted';
  return errors;
}

/**
 * The create and edit form: every input of the organisation, grouped; women-led, women-owned and
 * the size class are shown as the server will derive them, never ticked. Keeps what was typed
 * when the save fails, and marks the fields the server rejected.
 */
export function OrganizationForm({
  initial,
  submitLabel,
  submittingLabel,
  saving,
  error,
  onSubmit,
  cancel,
  draftKey,
}: {
  /** Where the typed values are kept until saved (see useDraft); the page discards it on success. */
  draftKey: string;
  initial: OrganizationFormValues;
  submitLabel: string;
  submittingLabel: string;
  saving: boolean;
  error: CombinedError | undefined;
  onSubmit(values: OrganizationFormValues): void;
  cancel: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const reference = useReference();
  const [values, setValues] = useDraft<OrganizationFormValues>(draftKey, initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const serverFields = rejectedFields(error);

  const set = <K extends keyof OrganizationFormValues>(key: K, value: OrganizationFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  // After a failed attempt, take the user to the first field to mend.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .field-invalid input')?.focus();
  }, [attempt, error]);

  /** The message for a field: the form's own check first, then the server's verdict. */
  const errorOf = (field: string): string | undefined => {
    const key = clientErrors[field] ?? (serverFields.has(field) ? field : undefined);
    if (!key) return undefined;
    const path = `owner.orgForm.errors.${key}`;
    return i18n.exists(path)
      ? t(path, { year: new Date().getFullYear() })
      : t('owner.orgForm.errors.invalid');
  };

  /** A share in percent (0-100), as the women-led and women-owned rules read them. */
  const percentField = (field: 'womenOwnershipPercent' | 'boardWomenPercent') => (
    <TextField
      label={t(`owner.orgForm.${field}`)}
      help={t('owner.orgForm.percentHelp')}
      name={field}
      type="number"
      inputMode="decimal"
      min={0}
      max={100}
      step="any"
      required
      value={values[field]}
      error={errorOf(field)}
      onChange={(e) => set(field, e.target.value)}
    />
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values, new Date().getFullYear());
    setClientErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) onSubmit(values);
  };

  if (reference.fetching && !reference.data) return <Loading />;
  const sections = reference.data?.sectors ?? [];
  const section = sections.find((s) => s.code === values.isicSection);
  const employees = values.employees.trim();
  const sizeClass = WHOLE.test(employees) ? sizeClassOf(Number(employees)) : null;
  const ownership = parsePercent(values.womenOwnershipPercent);
  const board = values.hasBoard ? parsePercent(values.boardWomenPercent) : null;
  const derived =
    ownership !== null && (!values.hasBoard || board !== null)
      ? womenLeadership({
          womenOwnershipPercent: ownership,
          womanInTopManagement: values.womanInTopManagement,
          boardWomenPercent: board,
        })
      : null;
  const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));

  return (
    <form ref={formRef} className="form owner-form" onSubmit={submit} noValidate>
      <ErrorNotice error={reference.error} />
      <ErrorNotice error={error} />
      {Object.keys(clientErrors).length > 0 ? (
        <p className="notice notice-error" role="alert">
          {t('owner.orgForm.checkFields')}
        </p>
      ) : null}

      <section aria-labelledby="org-about">
        <h2 id="org-about">{t('owner.orgForm.about')}</h2>
        <TextField
          label={t('owner.orgForm.name')}
          name="name"
          required
          maxLength={NAME_MAX}
          autoComplete="organization"
          value={values.name}
          error={errorOf('name')}
          onChange={(e) => set('name', e.target.value)}
        />
        <RadioGroup
          legend={t('owner.orgForm.kind')}
          name="kind"
          value={values.kind}
          error={errorOf('kind')}
          onChange={(v) => set('kind', v)}
          options={[
            { value: 'MSME', label: t('domain.kinds.MSME'), help: t('owner.orgForm.kindMsmeHelp') },
            { value: 'STARTUP', label: t('domain.kinds.STARTUP'), help: t('owner.orgForm.kindStartupHelp') },
          ]}
        />
        <TextArea
          label={t('owner.orgForm.description')}
          help={t('owner.orgForm.descriptionHelp', { max: DESCRIPTION_MAX })}
          name="description"
          maxLength={DESCRIPTION_MAX}
          value={values.description}
          error={errorOf('description')}
          onChange={(e) => set('description', e.target.value)}
        />
        <div className="form-row">
          <TextField
            label={t('owner.orgForm.foundedYear')}
            help={t('owner.orgForm.optional')}
            name="foundedYear"
            type="number"
            inputMode="numeric"
            min={FOUNDED_YEAR_MIN}
            max={new Date().getFullYear()}
            value={values.foundedYear}
            error={errorOf('foundedYear')}
            onChange={(e) => set('foundedYear', e.target.value)}
          />
          <SelectField
            label={t('owner.orgForm.mentorsWanted')}
            help={t('owner.orgForm.mentorsWantedHelp')}
            name="mentorsWanted"
            value={values.mentorsWanted}
            error={errorOf('mentorsWanted')}
            onChange={(e) => set('mentorsWanted', e.target.value)}
            options={['1', '2', '3'].map((n) => ({ value: n, label: n }))}
          />
        </div>
        <CheckboxField
          label={t('owner.orgForm.youthLed')}
          help={t('owner.orgForm.youthLedHelp')}
          checked={values.youthLed}
          onChange={(e) => set('youthLed', e.target.checked)}
        />
        <CheckboxField
          label={t('owner.orgForm.socialEnterprise')}
          help={t('owner.orgForm.socialEnterpriseHelp')}
          checked={values.socialEnterprise}
          onChange={(e) => set('socialEnterprise', e.target.checked)}
        />
      </section>

      <section aria-labelledby="org-place">
        <h2 id="org-place">{t('owner.orgForm.sectorAndPlace')}</h2>
        <div className="form-row">
          <SelectField
            label={t('owner.orgForm.isicSection')}
            help={t('owner.orgForm.isicSectionHelp')}
            name="isicSection"
            value={values.isicSection}
            onChange={(e) => {
              const code = e.target.value;
              setValues((v) => {
                const keep = sections
                  .find((s) => s.code === code)
                  ?.divisions.some((d) => d.code === v.isicDivision);
                return { ...v, isicSection: code, isicDivision: keep ? v.isicDivision : '' };
              });
            }}
            options={[
              { value: '', label: t('owner.orgForm.choose') },
              ...sections.map((s) => ({ value: s.code, label: `${s.code} · ${s.title}` })),
            ]}
          />
          <SelectField
            label={t('owner.orgForm.isicDivision')}
            help={section ? t('owner.orgForm.isicDivisionHelp') : t('owner.orgForm.isicDivisionFirst')}
            name="isicDivision"
            required
            disabled={!section}
            value={values.isicDivision}
            error={errorOf('isicDivision')}
            onChange={(e) => set('isicDivision', e.target.value)}
            options={[
              { value: '', label: t('owner.orgForm.choose') },
              ...(section?.divisions ?? []).map((d) => ({ value: d.code, label: `${d.code} · ${d.title}` })),
            ]}
          />
        </div>
        <div className="form-row">
          <SelectField
            label={t('owner.orgForm.economy')}
            name="economy"
            required
            value={values.economy}
            error={errorOf('economy')}
            onChange={(e) => set('economy', e.target.value)}
            options={[{ value: '', label: t('owner.orgForm.choose') }, ...reference.economies]}
          />
          <TextField
            label={t('owner.orgForm.city')}
            help={t('owner.orgForm.optional')}
            name="city"
            maxLength={NAME_MAX}
            autoComplete="address-level2"
            value={values.city}
            error={errorOf('city')}
            onChange={(e) => set('city', e.target.value)}
          />
        </div>
        <RadioGroup
          legend={t('owner.orgForm.locality')}
          help={t('owner.orgForm.localityHelp')}
          name="locality"
          value={values.locality}
          error={errorOf('locality')}
          onChange={(v) => set('locality', v)}
          options={(['METROPOLITAN', 'SUB_REGIONAL', 'RURAL'] as const).map((l) => ({
            value: l,
            label: t(`domain.localities.${l}`),
            help: t(`owner.orgForm.localityHelps.${l}`),
          }))}
        />
        <TextField
          label={t('owner.orgForm.cluster')}
          help={t('owner.orgForm.clusterHelp')}
          name="cluster"
          maxLength={NAME_MAX}
          value={values.cluster}
          error={errorOf('cluster')}
          onChange={(e) => set('cluster', e.target.value)}
        />
      </section>

      <section aria-labelledby="org-size">
        <h2 id="org-size">{t('owner.orgForm.size')}</h2>
        <TextField
          label={t('owner.orgForm.employees')}
          help={t('owner.orgForm.employeesHelp')}
          name="employees"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          required
          value={values.employees}
          error={errorOf('employees')}
          onChange={(e) => set('employees', e.target.value)}
        />
        <p className="derived" aria-live="polite">
          {sizeClass
            ? t('owner.orgForm.sizePreview', { size: t(`owner.sizeClass.${sizeClass}`) })
            : t('owner.orgForm.sizePreviewNone')}
        </p>
      </section>

      <section aria-labelledby="org-women">
        <h2 id="org-women">{t('owner.orgForm.ownership')}</h2>
        <div className="notice">
          <p>{t('owner.orgForm.womenOwnedRule')}</p>
          <p>{t('owner.orgForm.womenLedRule')}</p>
          <p>{t('owner.orgForm.derivedRule')}</p>
        </div>
        {percentField('womenOwnershipPercent')}
        <CheckboxField
          label={t('owner.orgForm.womanInTopManagement')}
          help={t('owner.orgForm.womanInTopManagementHelp')}
          checked={values.womanInTopManagement}
          onChange={(e) => set('womanInTopManagement', e.target.checked)}
        />
        <CheckboxField
          label={t('owner.orgForm.hasBoard')}
          help={t('owner.orgForm.hasBoardHelp')}
          checked={values.hasBoard}
          onChange={(e) => set('hasBoard', e.target.checked)}
        />
        {values.hasBoard ? percentField('boardWomenPercent') : null}
        <p className="derived" aria-live="polite">
          {derived
            ? t('owner.orgForm.womenPreview', {
                womenOwned: yesNo(derived.womenOwned),
                womenLed: yesNo(derived.womenLed),
              })
            : t('owner.orgForm.womenPreviewNone')}
        </p>
      </section>

      <section aria-labelledby="org-mentoring">
        <h2 id="org-mentoring">{t('owner.orgForm.mentoring')}</h2>
        <CheckboxGroup
          legend={t('owner.orgForm.languages')}
          help={t('owner.orgForm.languagesHelp')}
          scroll
          value={values.languages}
          error={errorOf('languages')}
          onChange={(v) => set('languages', v)}
          options={reference.languages}
        />
        <p className="hint" aria-live="polite">
          {t('owner.orgForm.chosenLanguages', {
            list: values.languages.map((code) => reference.languageName(code)).join(', ') || t('common.none'),
          })}
        </p>
        <CheckboxGroup
          legend={t('owner.orgForm.needs')}
          help={t('owner.orgForm.needsHelp')}
          long
          value={values.needs}
          error={errorOf('needs')}
          onChange={(v) => set('needs', v)}
          options={reference.topics}
        />
        <CheckboxGroup
          legend={t('owner.orgForm.targetEconomies')}
          help={t('owner.orgForm.targetEconomiesHelp')}
          long
          value={values.targetEconomies}
          error={errorOf('targetEconomies')}
          onChange={(v) => set('targetEconomies', v)}
          options={reference.economies}
        />
        <CheckboxField
          label={t('owner.orgForm.prefersWomanMentor')}
          help={t('owner.orgForm.prefersWomanMentorHelp')}
          checked={values.prefersWomanMentor}
          onChange={(e) => set('prefersWomanMentor', e.target.checked)}
        />
      </section>

      <div className="actions">
        <button type="submit" disabled={saving}>
          {saving ? submittingLabel : submitLabel}
        </button>
        {cancel}
      </div>
    </form>
  );
}
