import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from './format';

/** A month of the report; a suppressed one has no figures (fewer than 5 organisations active). */
interface Month {
  month: string;
  suppressed: boolean;
  requests: number | null;
  accepted: number | null;
  mentorshipsStarted: number | null;
}

type SeriesKey = 'requests' | 'accepted' | 'mentorshipsStarted';

/** Runs of consecutive months with figures, as indexes: a line is drawn through each, not across gaps. */
export function shownRuns(months: readonly Month[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  months.forEach((m, i) => {
    if (m.suppressed) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(i);
  });
  if (run.length) runs.push(run);
  return runs;
}

const SERIES = [
  // Colour, dash and marker differ, so no series is told apart by colour alone.
  { key: 'requests', colour: '#0b5cad', dash: undefined, marker: 'circle' },
  { key: 'accepted', colour: '#1c6b38', dash: '8 4', marker: 'square' },
  { key: 'mentorshipsStarted', colour: '#8a4b00', dash: '2 4', marker: 'triangle' },
] as const;

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 44, right: 16, top: 16, bottom: 44 };

function Marker({ shape, x, y, colour }: { shape: string; x: number; y: number; colour: string }) {
  if (shape === 'square') return <rect x={x - 4} y={y - 4} width={8} height={8} fill={colour} />;
  if (shape === 'triangle')
    return <path d={`M${x} ${y - 5} L${x + 5} ${y + 4} L${x - 5} ${y + 4} Z`} fill={colour} />;
  return <circle cx={x} cy={y} r={4} fill={colour} />;
}

/** The top of the scale and its ticks, at whole round steps (about four of them). */
export function scaleOf(value: number): { top: number; ticks: number[] } {
  const rough = Math.max(1, value / 4);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].find((s) => s * magnitude >= rough)! * magnitude;
  const top = Math.max(step, Math.ceil(value / step) * step);
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
  return { top, ticks };
}

/**
 * The monthly series (requests, accepted, mentorships started) as an SVG line chart, with the
 * same figures in a table for screen readers and anyone who prefers numbers. Suppressed months
 * are gaps in the lines and say so in the table.
 */
export function TrendChart({ months }: { months: readonly Month[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const descId = useId();
  const { top, ticks } = scaleOf(
    Math.max(1, ...months.flatMap((m) => [m.requests ?? 0, m.accepted ?? 0, m.mentorshipsStarted ?? 0])),
  );
  const runs = shownRuns(months);
  const value = (m: Month, key: SeriesKey): number => m[key] ?? 0;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (months.length === 1 ? innerW / 2 : (i / (months.length - 1)) * innerW);
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;
  const labelEvery = Math.max(1, Math.ceil(months.length / 8));
  const label = (key: SeriesKey) => t(`manager.trend.${key}`);
  return (
    <figure className="manager-trend">
      <div className="manager-trend-scroll" tabIndex={0} role="group" aria-labelledby={titleId}>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
          <title id={titleId}>{t('manager.trend.title')}</title>
          <desc id={descId}>{t('manager.trend.description')}</desc>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#c9d1db" />
              <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#4a5360">
                {format.number(tick)}
              </text>
            </g>
          ))}
          {months.map((m, i) =>
            i % labelEvery === 0 ? (
              <text
                key={m.month}
                x={x(i)}
                y={HEIGHT - PAD.bottom + 18}
                textAnchor="middle"
                fontSize="11"
                fill="#4a5360"
              >
                {format.month(m.month)}
              </text>
            ) : null,
          )}
          {SERIES.map((s) => (
            <g key={s.key}>
              {runs.map((run) => (
                <polyline
                  key={run[0]}
                  fill="none"
                  stroke={s.colour}
                  strokeWidth={2}
                  strokeDasharray={s.dash}
                  points={run.map((i) => `${x(i)},${y(value(months[i], s.key))}`).join(' ')}
                />
              ))}
              {months.map((m, i) =>
                m.suppressed ? null : (
                  <Marker key={m.month} shape={s.marker} x={x(i)} y={y(value(m, s.key))} colour={s.colour} />
                ),
              )}
            </g>
          ))}
        </svg>
      </div>
      <figcaption>
        <ul className="manager-legend">
          {SERIES.map((s) => (
            <li key={s.key}>
              <svg width="36" height="12" aria-hidden="true" focusable="false">
                <line
                  x1="0"
                  x2="36"
                  y1="6"
                  y2="6"
                  stroke={s.colour}
                  strokeWidth={2}
                  strokeDasharray={s.dash}
                />
                <Marker shape={s.marker} x={18} y={6} colour={s.colour} />
              </svg>
              {label(s.key)}
            </li>
          ))}
        </ul>
      </figcaption>
      <details>
        <summary>{t('manager.trend.table')}</summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('manager.trend.month')}</th>
                {SERIES.map((s) => (
                  <th scope="col" key={s.key}>
                    {label(s.key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{format.month(m.month)}</th>
                  {m.suppressed ? (
                    <td colSpan={SERIES.length}>{t('manager.report.suppressed')}</td>
                  ) : (
                    SERIES.map((s) => <td key={s.key}>{format.number(value(m, s.key))}</td>)
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
