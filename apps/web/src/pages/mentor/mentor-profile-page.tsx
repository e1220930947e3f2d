import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { BIO_MAX, HEADLINE_MAX } from '../../api/bounds';
import { rejectedFields } from '../../api/errors';
import { useReference } from '../../api/reference';
import { CheckboxGroup } from '../../components/choice-groups';
import { MultiSelectField, type MultiSelectOption } from '../../components/multi-select-field';
import { ErrorNotice } from '../../components/error-notice';
import { CheckboxField, SelectField, TextArea, TextField } from '../../components/fields';
import { Loading, Page } from '../../components/page';
import { ScoreBars, useScoreParts } from '../../components/score-bars';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql';
import { useFormat } from './shared';

/** What the profile page shows and edits; the save returns the same, so the form reloads from it. */
const MENTOR_PROFILE_FIELDS = graphql(`
  fragment MentorProfileFields on MentorProfile @_unmask {
    id
    headline
    bio
    economy {
      code
    }
    economies {
      code
    }
    expertiseSectors {
      code
    }
    expertiseTopics {
      code
    }
    languages {
      code
    }
    capacity
    activeMentorships
    acceptingRequests
    yearsOfExperience
    gender
  }
`);

export const MENTOR_PROFILE_PAGE = graphql(
  `
    query MentorProfilePage {
      myMentorProfile {
        ...MentorProfileFields
      }
    }
  `,
  [MENTOR_PROFILE_FIELDS],
);

export const UPSERT_MENTOR_PROFILE = graphql(
  `
    mutation UpsertMentorProfile($input: UpsertMentorProfileInput!) {
      upsertMentorProfile(input: $input) {
        ...MentorProfileFields
      }
    }
  `,
  [MENTOR_PROFILE_FIELDS],
);

export const MENTOR_RECOMMENDED_ORGANIZATIONS = graphql(`
  query MentorRecommendedOrganizations($mentorId: ID!) {
    recommendedOrganizations(mentorId: $mentorId, first: 10) {
      score
      organization {
        id
        name
        kind
        city
        locality
        womenLed
        economy {
          code
          name
        }
        isicDivision {
          code
          title
        }
      }
      breakdown {
        code
        points
        maxPoints
      }
    }
  }
`);

type PageData = ResultOf<typeof MENTOR_PROFILE_PAGE>;
type Profile = NonNullable<PageData['myMentorProfile']>;
type Gender = NonNullable<VariablesOf<typeof UPSERT_MENTOR_PROFILE>['input']['gender']>;

const GENDERS: Gender[] = ['WOMAN', 'MAN', 'NON_BINARY', 'PREFER_NOT_TO_SAY'];

interface ProfileForm {
  headline: string;
  bio: string;
  economy: string;
  economies: string[];
  expertiseSectors: string[];
  expertiseTopics: string[];
  languages: string[];
  /** As typed, so a half-typed number survives a failed save. */
  capacity: string;
  yearsOfExperience: string;
  acceptingRequests: boolean;
  gender: Gender | '';
}

const codes = (items: ReadonlyArray<{ code: string }>) => items.map((i) => i.code);

function formOf(profile: Profile | null): ProfileForm {
  return {
    headline: profile?.headline ?? '',
    bio: profile?.bio ?? '',
    economy: profile?.economy.code ?? '',
    economies: codes(profile?.economies ?? []),
    expertiseSectors: codes(profile?.expertiseSectors ?? []),
    expertiseTopics: codes(profile?.expertiseTopics ?? []),
    languages: codes(profile?.languages ?? []),
    capacity: String(profile?.capacity ?? 3),
    yearsOfExperience: String(profile?.yearsOfExperience ?? 0),
    acceptingRequests: profile?.acceptingRequests ?? true,
    gender: profile?.gender ?? '',
  };
}

/** The chosen values in the order of the options: the same choice always sends the same list. */
const inOrder = (options: ReadonlyArray<{ value: string }>, chosen: readonly string[]): string[] =>
  options.map((o) => o.value).filter((v) => chosen.includes(v));

const wholeNumber = (text: string, min: number, max: number): number | null => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
};

export function MentorProfilePage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MENTOR_PROFILE_PAGE });
  return (
    <Page title={t('mentor.profile.title')}>
      <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {fetching && !data ? <Loading /> : null}
      {data ? (
        <>
          {data.myMentorProfile ? (
            <CapacityIndicator profile={data.myMentorProfile} />
          ) : (
            <p className="notice" role="status">
              {t('mentor.profile.noProfile')}
            </p>
          )}
          {/* Mounted once the data is there: it starts from the saved profile, then keeps what is typed. */}
          <ProfileEditor data={data} onCreated={() => refetch({ requestPolicy: 'network-only' })} />
          {data.myMentorProfile ? <RecommendedOrganizations mentorId={data.myMentorProfile.id} /> : null}
        </>
      ) : null}
    </Page>
  );
}

/** The places of the mentor's capacity that running mentorships take. */
function CapacityIndicator({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const id = useId();
  const active = profile.activeMentorships;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('mentor.profile.capacityTitle')}</h2>
      <label htmlFor={`${id}-meter`}>{t('mentor.profile.placesLabel')}</label>{' '}
      <meter id={`${id}-meter`} min={0} max={profile.capacity} value={Math.min(active, profile.capacity)} />
      <p>{t('mentor.profile.places', { active, capacity: profile.capacity })}</p>
      {active >= profile.capacity ? <p className="meta">{t('mentor.profile.full')}</p> : null}
      {!profile.acceptingRequests ? <p className="meta">{t('mentor.profile.notAccepting')}</p> : null}
    </section>
  );
}

function ProfileEditor({ data, onCreated }: { data: PageData; onCreated(): void }) {
  const { t } = useTranslation();
  const reference = useReference();
  const [form, setForm] = useState<ProfileForm>(() => formOf(data.myMentorProfile));
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [saved, setSaved] = useState(false);
  const [result, upsert] = useMutation(UPSERT_MENTOR_PROFILE);
  const isNew = !data.myMentorProfile;

  const update = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };
  const fieldError = (name: string) => (invalid.has(name) ? t('mentor.profile.invalid') : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const capacity = wholeNumber(form.capacity, 1, 20);
    const yearsOfExperience = wholeNumber(form.yearsOfExperience, 0, 80);
    const local = new Set<string>();
    if (capacity === null) local.add('capacity');
    if (yearsOfExperience === null) local.add('yearsOfExperience');
    if (capacity === null || yearsOfExperience === null) {
      setInvalid(local);
      return;
    }
    const response = await upsert({
      input: {
        headline: form.headline.trim(),
        bio: form.bio.trim(),
        economy: form.economy,
        economies: form.economies,
        expertiseSectors: form.expertiseSectors,
        expertiseTopics: form.expertiseTopics,
        languages: form.languages,
        capacity,
        yearsOfExperience,
        acceptingRequests: form.acceptingRequests,
        gender: form.gender === '' ? null : form.gender,
      },
    });
    if (response.data) {
      setInvalid(new Set());
      setForm(formOf(response.data.upsertMentorProfile));
      setSaved(true);
      // A first save: the page's query had no profile to refresh, so ask again.
      if (isNew) onCreated();
    } else {
      setInvalid(rejectedFields(response.error));
    }
  };

  const economyOptions: MultiSelectOption[] = reference.economies;
  const sectorOptions: MultiSelectOption[] = (reference.data?.sectors ?? []).flatMap((s) => {
    const group = t('mentor.profile.sectorGroup', { code: s.code, title: s.title });
    return [
      { value: s.code, label: t('mentor.profile.sectorSection', { code: s.code, title: s.title }), group },
      ...s.divisions.map((d) => ({ value: d.code, label: `${d.code} · ${d.title}`, group })),
    ];
  });
  const languageOptions: MultiSelectOption[] = reference.languages;
  const topicOptions: MultiSelectOption[] = reference.topics;
  const pickerText = {
    addLabel: t('mentor.picker.add'),
    removeLabel: (label: string) => t('mentor.picker.remove', { label }),
    placeholder: t('mentor.picker.choose'),
    emptyText: t('mentor.picker.none'),
  };

  if (!reference.data) {
    return reference.error ? <ErrorNotice error={reference.error} /> : <Loading />;
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="profile-form-title">
      <h2 id="profile-form-title">{t('mentor.profile.formTitle')}</h2>
      <ErrorNotice error={result.error} />
      {saved ? (
        <p className="notice notice-ok" role="status">
          {t('mentor.profile.saved')}
        </p>
      ) : null}
      <TextField
        label={t('mentor.profile.headline')}
        help={t('mentor.profile.headlineHelp')}
        name="headline"
        required
        maxLength={HEADLINE_MAX}
        value={form.headline}
        onChange={(e) => update('headline', e.target.value)}
        error={fieldError('headline')}
      />
      <TextArea
        label={t('mentor.profile.bio')}
        help={t('mentor.profile.bioHelp')}
        name="bio"
        maxLength={BIO_MAX}
        value={form.bio}
        onChange={(e) => update('bio', e.target.value)}
        error={fieldError('bio')}
      />
      <div className="form-row">
        <SelectField
          label={t('mentor.profile.economy')}
          name="economy"
          required
          options={[{ value: '', label: t('mentor.profile.chooseEconomy') }, ...economyOptions]}
          value={form.economy}
          onChange={(e) => update('economy', e.target.value)}
          error={fieldError('economy')}
        />
        <TextField
          label={t('mentor.profile.yearsOfExperience')}
          name="yearsOfExperience"
          type="number"
          inputMode="numeric"
          min={0}
          max={80}
          step={1}
          value={form.yearsOfExperience}
          onChange={(e) => update('yearsOfExperience', e.target.value)}
          error={fieldError('yearsOfExperience')}
        />
      </div>
      <CheckboxGroup
        legend={t('mentor.profile.economies')}
        help={t('mentor.profile.economiesHelp')}
        long
        options={economyOptions}
        value={form.economies}
        onChange={(v) => update('economies', inOrder(economyOptions, v))}
        error={fieldError('economies')}
      />
      <MultiSelectField
        legend={t('mentor.profile.languages')}
        help={t('mentor.profile.languagesHelp')}
        options={languageOptions}
        value={form.languages}
        onChange={(v) => update('languages', v)}
        error={fieldError('languages')}
        {...pickerText}
      />
      <MultiSelectField
        legend={t('mentor.profile.sectors')}
        help={t('mentor.profile.sectorsHelp')}
        options={sectorOptions}
        value={form.expertiseSectors}
        onChange={(v) => update('expertiseSectors', v)}
        error={fieldError('expertiseSectors')}
        {...pickerText}
      />
      <CheckboxGroup
        legend={t('mentor.profile.topics')}
        options={topicOptions}
        value={form.expertiseTopics}
        onChange={(v) => update('expertiseTopics', inOrder(topicOptions, v))}
        error={fieldError('expertiseTopics')}
      />
      <div className="form-row">
        <TextField
          label={t('mentor.profile.capacity')}
          help={t('mentor.profile.capacityHelp')}
          name="capacity"
          type="number"
          inputMode="numeric"
          min={1}
          max={20}
          step={1}
          required
          value={form.capacity}
          onChange={(e) => update('capacity', e.target.value)}
          error={fieldError('capacity')}
        />
        <SelectField
          label={t('mentor.profile.gender')}
          help={t('mentor.profile.genderHelp')}
          name="gender"
          options={[
            { value: '', label: t('mentor.profile.genderNone') },
            ...GENDERS.map((g) => ({ value: g, label: t(`mentor.genders.${g}`) })),
          ]}
          value={form.gender}
          onChange={(e) => update('gender', e.target.value as Gender | '')}
          error={fieldError('gender')}
        />
      </div>
      <CheckboxField
        label={t('mentor.profile.acceptingRequests')}
        help={t('mentor.profile.acceptingRequestsHelp')}
        name="acceptingRequests"
        checked={form.acceptingRequests}
        onChange={(e) => update('acceptingRequests', e.target.checked)}
      />
      <div className="actions">
        <button type="submit" disabled={result.fetching}>
          {result.fetching
            ? t('common.saving')
            : isNew
              ? t('mentor.profile.create')
              : t('mentor.profile.save')}
        </button>
      </div>
    </form>
  );
}

function RecommendedOrganizations({ mentorId }: { mentorId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const scoreParts = useScoreParts();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MENTOR_RECOMMENDED_ORGANIZATIONS,
    variables: { mentorId },
  });
  return (
    <section aria-labelledby="recommended-title">
      <h2 id="recommended-title">{t('mentor.profile.recommendedTitle')}</h2>
      <p className="hint">{t('mentor.profile.recommendedIntro')}</p>
      <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {fetching && !data ? <Loading /> : null}
      {data && data.recommendedOrganizations.length === 0 ? (
        <p>{t('mentor.profile.recommendedEmpty')}</p>
      ) : null}
      <ul className="cards">
        {data?.recommendedOrganizations.map((r) => (
          <li key={r.organization.id} className="card">
            <h3>{r.organization.name}</h3>
            <p className="meta">
              {[
                t(`domain.kinds.${r.organization.kind}`),
                r.organization.isicDivision.title,
                [r.organization.city, r.organization.economy.name].filter(Boolean).join(', '),
                t(`domain.localities.${r.organization.locality}`),
              ].join(' · ')}
            </p>
            <p>
              <strong>{t('mentor.score', { score: format.number(r.score) })}</strong>{' '}
              {r.organization.womenLed ? <span className="badge">{t('mentor.facts.womenLed')}</span> : null}
            </p>
            <ScoreBars
              parts={scoreParts(r.breakdown)}
              caption={t('mentor.breakdownCaption', { name: r.organization.name })}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
