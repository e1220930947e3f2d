import { useId, type ReactNode } from 'react';
import './bar-chart.css';

/** One bar: its label, its value (null: no bar, `note` instead) and the value as text. */
export interface Bar {
  key: string;
  label: ReactNode;
  value: number | null;
  /** The value as the reader should see it (e.g. "41.2%"). */
  display?: ReactNode;
  /** Shown instead of the bar and value when `value` is null (e.g. a suppressed cell). */
  note?: ReactNode;
}

/**
 * Horizontal bars drawn with CSS (`.chart` classes). Each row is a list item carrying its label
 * and value as text, so the chart reads as a list without the picture; the bars are hidden from
 * screen readers. `max` is the full width (the largest value when omitted); a null value shows its
 * `note` instead of a bar and a figure.
 */
export function BarChart({
  title,
  bars,
  max,
  hideTitle = false,
}: {
  title: ReactNode;
  bars: Bar[];
  max?: number;
  /** Keep the title for screen readers only (when a heading above already says it). */
  hideTitle?: boolean;
}) {
  const id = useId();
  const top = max ?? Math.max(0, ...bars.map((b) => b.value ?? 0));
  return (
    <figure className="bar-chart" aria-labelledby={id}>
      <figcaption id={id} className={hideTitle ? 'visually-hidden' : undefined}>
        {title}
      </figcaption>
      <ul className="chart">
        {bars.map((bar) => {
          const width =
            bar.value === null || top <= 0 ? 0 : Math.max(0, Math.min(100, (bar.value / top) * 100));
          return (
            <li className="chart-row" key={bar.key}>
              <span>{bar.label}</span>
              {bar.value === null ? (
                <span className="bar-chart-note">{bar.note}</span>
              ) : (
                <>
                  <span className="chart-track" aria-hidden="true">
                    <span className="chart-bar" style={{ width: `${width}%` }} />
                  </span>
                  <span className="bar-chart-value">{bar.display ?? bar.value}</span>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
