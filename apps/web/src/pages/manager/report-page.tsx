import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useClient, useQuery, type CombinedError } from 'urql';
import { DATE_MAX, DATE_MIN } from '../../api/bounds';
import { useSession } from '../../auth/session';
import { BarChart } from '../../components/bar-chart';
import { downloadText } from '../../components/download';
import { ErrorNotice } from '../../components/error-notice';
import { SelectField, TextField } from '../../components/fields';
import { Loading, Page } from '../../components/page';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql';
import { useFormat, type Formatter } from './format';
import { TrendChart } from './trend-chart';
import './manager.css';

const REPORT_CONTEXT = graphql(`
  query ReportContext($id: ID!) {
    program(id: $id) {
      id
      name
      economies
    }
    economies {
      code
      name
    }
    sectors {
      code
      title
    }
  }
`);

const REPORT_CELL = graphql(`
  fragment ReportCellFields on ReportCell @_unmask {
    key
    organizations
    suppressed
    requests
    acceptanceRate
    medianHoursToDecision
    matchRate
    averageScore
    crossEconomyLinks
    outcomes
  }
`);

export const PROGRAM_REPORT = graphql(
  `
    query ProgramReport($id: ID!, $filter: ProgramReportFilterInput) {
      programReport(id: $id, filter: $filter) {
        totals {
          ...ReportCellFields
        }
        byEconomy {
          ...ReportCellFields
        }
        byIsicSection {
          ...ReportCellFields
        }
        byWomenLed {
          ...ReportCellFields
        }
        byLocality {
          ...ReportCellFields
        }
        bySizeClass {
          ...ReportCellFields
        }
        mentorUtilisation
        monthly {
          month
          suppressed
          requests
          accepted
          mentorshipsStarted
        }
      }
    }
  `,
  [REPORT_CELL],
);

const EXPORT_REPORT = graphql(`
  query ExportProgramReport($id: ID!, $filter: ProgramReportFilterInput) {
    exportProgramReport(id: $id, filter: $filter)
  }
`);

type Filter = NonNullable<VariablesOf<typeof PROGRAM_REPORT>['filter']>;
type Cell = ResultOf<typeof REPORT_CELL>;
type Locality = NonNullable<Filter['locality']>;
type SizeClass = NonNullable<Filter['sizeClass']>;

export const LOCALITIES: Locality[] = ['METROPOLITAN', 'SUB_REGIONAL', 'RURAL'];
const SIZE_CLASSES: SizeClass[] = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'];
const FILTER_KEYS = ['economy', 'isicSection', 'womenLed', 'locality', 'sizeClass', 'from', 'to'] as const;
type FilterForm = Record<(typeof FILTER_KEYS)[number], string>;

/** The filter in the address (so a filtered report can be shared), as the form and as the API input. */
function formOf(params: URLSearchParams): FilterForm {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as FilterForm;
}

export function filterOf(form: FilterForm): Filter {
  const filter: Filter = {};
  if (form.economy) filter.economy = form.economy;
  if (form.isicSection) filter.isicSection = form.isicSection;
  if (form.womenLed === 'true' || form.womenLed === 'false') filter.womenLed = form.womenLed === 'true';
  if (LOCALITIES.includes(form.locality as Locality)) filter.locality = form.locality as Locality;
  if (SIZE_CLASSES.includes(form.sizeClass as SizeClass)) filter.sizeClass = form.sizeClass as SizeClass;
  if (form.from) filter.from = form.from;
  if (form.to) filter.to = form.to;
  return filter;
}

/** Cells in the order of `keys` (smallest size first, metropolitan first); others after. */
export function inOrder<T extends { key: string }>(cells: readonly T[], keys: readonly string[]): T[] {
  const rank = (key: string) => (keys.includes(key) ? keys.indexOf(key) : keys.length);
  return [...cells].sort((a, b) => rank(a.key) - rank(b.key));
}

const METRICS = [
  'organizations',
  'requests',
  'acceptanceRate',
  'medianHoursToDecision',
  'matchRate',
  'averageScore',
  'crossEconomyLinks',
  'outcomes',
] as const;
type Metric = (typeof METRICS)[number];
const RATES: Metric[] = ['acceptanceRate', 'matchRate'];

function metricText(format: Formatter, metric: Metric, value: number | null): string {
  if (value == null) return '—';
  if (RATES.includes(metric)) return format.percent(value);
  if (metric === 'medianHoursToDecision') return format.decimal(value);
  if (metric === 'averageScore') return format.decimal(value);
  return format.number(value);
}

/**
 * A programme's report: totals, figures by economy, ISIC section, women-led, locality and size
 * class, the monthly trend, a filter and the CSV. The API withholds what describes fewer than 5
 * organisations (and utilisation over fewer than 5 mentors); the page shows it as hidden.
 */
export function ReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const client = useClient();
  const { user, hasRole } = useSession();
  const [params, setParams] = useSearchParams();
  const form = formOf(params);
  const filter = filterOf(form);
  const [context] = useQuery({ query: REPORT_CONTEXT, variables: { id } });
  const [{ data, fetching, error }, refetch] = useQuery({ query: PROGRAM_REPORT, variables: { id, filter } });
  const [metric, setMetric] = useState<Metric>('organizations');
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<CombinedError | undefined>();

  const program = context.data?.program;
  const economyName = new Map(context.data?.economies.map((e) => [e.code, e.name]));
  const sectionTitle = new Map(context.data?.sectors.map((s) => [s.code, s.title]));
  const economies = (program?.economies ?? [])
    .filter((code) => hasRole('ADMIN') || user?.managedEconomies.some((e) => e.code === code))
    .map((code) => ({ value: code, label: economyName.get(code) ?? code }));
  const report = data?.programReport;
  const hidden = t('manager.report.suppressed');

  const download = async () => {
    setDownloading(true);
    setDownloadError(undefined);
    const result = await client
      .query(EXPORT_REPORT, { id, filter }, { requestPolicy: 'network-only' })
      .toPromise();
    setDownloading(false);
    if (result.data) downloadText(`programme-report-${id}.csv`, result.data.exportProgramReport);
    else setDownloadError(result.error);
  };

  const dimensions: Array<{ name: string; cells: Cell[]; label: (key: string) => string }> = report
    ? [
        { name: 'byEconomy', cells: report.byEconomy, label: (k) => economyName.get(k) ?? k },
        {
          name: 'byIsicSection',
          cells: report.byIsicSection,
          label: (k) => (sectionTitle.has(k) ? `${k} — ${sectionTitle.get(k)}` : k),
        },
        {
          name: 'byWomenLed',
          cells: report.byWomenLed,
          label: (k) => t(`manager.womenLedKeys.${k === 'women-led' ? 'yes' : 'no'}`),
        },
        {
          name: 'byLocality',
          cells: inOrder(report.byLocality, LOCALITIES),
          label: (k) => t(`domain.localities.${k}`),
        },
        {
          name: 'bySizeClass',
          cells: inOrder(report.bySizeClass, SIZE_CLASSES),
          label: (k) => t(`manager.sizeClasses.${k}`),
        },
      ]
    : [];
  const totals = report?.totals;

  return (
    <Page
      title={program ? t('manager.report.title', { name: program.name }) : t('manager.report.titlePlain')}
      actions={
        <>
          <button type="button" onClick={() => void download()} disabled={downloading}>
            {downloading ? t('manager.report.downloading') : t('manager.report.download')}
          </button>
          <Link className="button button-secondary" to={`/programs/${id}`}>
            {t('manager.report.backToProgram')}
          </Link>
        </>
      }
    >
      <ErrorNotice error={context.error} />
      <ErrorNotice error={downloadError} />
      <ReportFilters
        key={params.toString()}
        initial={form}
        economies={economies}
        sections={(context.data?.sectors ?? []).map((s) => ({
          value: s.code,
          label: `${s.code} — ${s.title}`,
        }))}
        onApply={(next) => {
          const entries = Object.entries(next).filter(([, v]) => v !== '');
          setParams(new URLSearchParams(entries));
        }}
      />
      <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {fetching && !data ? <Loading /> : null}
      {totals ? (
        <>
          <section aria-labelledby="report-totals">
            <h2 id="report-totals">{t('manager.report.totals')}</h2>
            {totals.suppressed ? (
              <p className="notice">{t('manager.report.totalsSuppressed')}</p>
            ) : (
              <dl className="manager-stats">
                {METRICS.map((m) => (
                  <div key={m}>
                    <dt>{t(`manager.metrics.${m}`)}</dt>
                    <dd>{metricText(format, m, totals[m])}</dd>
                  </div>
                ))}
                <div>
                  <dt>{t('manager.report.mentorUtilisation')}</dt>
                  <dd>
                    {report.mentorUtilisation == null
                      ? t('manager.report.utilisationSuppressed')
                      : format.percent(report.mentorUtilisation)}
                  </dd>
                </div>
              </dl>
            )}
            <p className="hint">{t('manager.report.definitions')}</p>
          </section>

          <section aria-labelledby="report-breakdowns">
            <h2 id="report-breakdowns">{t('manager.report.breakdowns')}</h2>
            <p className="hint">{t('manager.report.suppressionNote')}</p>
            <div className="manager-metric">
              <SelectField
                label={t('manager.report.metric')}
                value={metric}
                onChange={(e) => setMetric(e.target.value as Metric)}
                options={METRICS.map((m) => ({ value: m, label: t(`manager.metrics.${m}`) }))}
              />
            </div>
            <div className="manager-breakdowns">
              {dimensions.map((d) => (
                <div key={d.name}>
                  <h3>{t(`manager.report.${d.name}`)}</h3>
                  {d.cells.length === 0 ? (
                    <p>{t('manager.report.noOrganizations')}</p>
                  ) : (
                    <>
                      <BarChart
                        hideTitle
                        title={t('manager.report.chartOf', {
                          metric: t(`manager.metrics.${metric}`),
                          dimension: t(`manager.report.${d.name}`),
                        })}
                        max={RATES.includes(metric) ? 1 : undefined}
                        bars={d.cells.map((cell) => ({
                          key: cell.key,
                          label: d.label(cell.key),
                          value: cell.suppressed ? null : (cell[metric] ?? 0),
                          display: metricText(format, metric, cell[metric]),
                          note: hidden,
                        }))}
                      />
                      <details>
                        <summary>
                          {t('manager.report.tableOf', { dimension: t(`manager.report.${d.name}`) })}
                        </summary>
                        <CellTable cells={d.cells} label={d.label} />
                      </details>
                    </>
                  )}
                </div>
              ))}
            </div>
          </section>

          <section aria-labelledby="report-trend">
            <h2 id="report-trend">{t('manager.report.trend')}</h2>
            {report.monthly.length === 0 ? (
              <p>{t('manager.report.noActivity')}</p>
            ) : report.monthly.every((m) => m.suppressed) ? (
              <p>{t('manager.report.trendSuppressed')}</p>
            ) : (
              <TrendChart months={report.monthly} />
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}

/** Every figure of one breakdown, as a table (suppressed rows say so, with no figures). */
function CellTable({ cells, label }: { cells: Cell[]; label: (key: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('manager.report.group')}</th>
            {METRICS.map((m) => (
              <th scope="col" key={m}>
                {t(`manager.metrics.${m}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((cell) => (
            <tr key={cell.key}>
              <th scope="row">{label(cell.key)}</th>
              {cell.suppressed ? (
                <td colSpan={METRICS.length}>{t('manager.report.suppressed')}</td>
              ) : (
                METRICS.map((m) => <td key={m}>{metricText(format, m, cell[m])}</td>)
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The report's filter: applied to the address on submit, cleared all at once. */
function ReportFilters({
  initial,
  economies,
  sections,
  onApply,
}: {
  initial: FilterForm;
  economies: Array<{ value: string; label: string }>;
  sections: Array<{ value: string; label: string }>;
  onApply: (form: FilterForm) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FilterForm>(initial);
  const [submitted, setSubmitted] = useState(false);
  const set = (key: keyof FilterForm) => (e: { target: { value: string } }) =>
    setForm((now) => ({ ...now, [key]: e.target.value }));
  const datesWrong = form.from !== '' && form.to !== '' && form.to < form.from;
  const outOfRange = (date: string) => date !== '' && (date < DATE_MIN || date > DATE_MAX);
  const rangeError = (date: string) =>
    submitted && outOfRange(date) ? t('manager.report.dateRange', { min: DATE_MIN, max: DATE_MAX }) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!datesWrong && !outOfRange(form.from) && !outOfRange(form.to)) onApply(form);
  };
  const any = (label: string) => [{ value: '', label }];
  return (
    <form className="form manager-form" onSubmit={submit} aria-labelledby="report-filters" noValidate>
      <h2 id="report-filters">{t('manager.report.filters')}</h2>
      <div className="form-row">
        <SelectField
          label={t('manager.report.economy')}
          value={form.economy}
          onChange={set('economy')}
          options={[...any(t('manager.report.allEconomies')), ...economies]}
        />
        <SelectField
          label={t('manager.report.isicSection')}
          value={form.isicSection}
          onChange={set('isicSection')}
          options={[...any(t('manager.report.allSections')), ...sections]}
        />
        <SelectField
          label={t('manager.report.womenLed')}
          value={form.womenLed}
          onChange={set('womenLed')}
          options={[
            ...any(t('manager.report.allOrganizations')),
            { value: 'true', label: t('manager.womenLedKeys.yes') },
            { value: 'false', label: t('manager.womenLedKeys.no') },
          ]}
        />
        <SelectField
          label={t('manager.report.locality')}
          value={form.locality}
          onChange={set('locality')}
          options={[
            ...any(t('manager.report.allLocalities')),
            ...LOCALITIES.map((l) => ({ value: l, label: t(`domain.localities.${l}`) })),
          ]}
        />
        <SelectField
          label={t('manager.report.sizeClass')}
          value={form.sizeClass}
          onChange={set('sizeClass')}
          options={[
            ...any(t('manager.report.allSizes')),
            ...SIZE_CLASSES.map((s) => ({ value: s, label: t(`manager.sizeClasses.${s}`) })),
          ]}
        />
        <TextField
          label={t('manager.report.from')}
          type="date"
          min={DATE_MIN}
          max={DATE_MAX}
          value={form.from}
          onChange={set('from')}
          error={rangeError(form.from)}
        />
        <TextField
          label={t('manager.report.to')}
          type="date"
          min={form.from || DATE_MIN}
          max={DATE_MAX}
          value={form.to}
          onChange={set('to')}
          error={rangeError(form.to) ?? (submitted && datesWrong ? t('manager.report.toBeforeFrom') : null)}
        />
      </div>
      <p className="field-help">{t('manager.report.datesHelp')}</p>
      <div className="actions">
        <button type="submit">{t('manager.report.apply')}</button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => onApply(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as FilterForm)}
        >
          {t('manager.report.clear')}
        </button>
      </div>
    </form>
  );
}
