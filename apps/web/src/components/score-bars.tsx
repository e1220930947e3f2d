import { useTranslation } from 'react-i18next';

/** One part of a match score: points earned out of the most it can give. */
export interface ScorePart {
  code: string;
  label: string;
  points: number;
  max: number;
}

/**
 * A score's breakdown as horizontal bars, one per component. Each bar is a `meter`, so screen
 * readers announce "Sector: 18 of 25" rather than a picture.
 */
export function ScoreBars({ parts, caption }: { parts: ScorePart[]; caption?: string }) {
  return (
    <figure className="score-bars">
      {caption ? <figcaption>{caption}</figcaption> : null}
      <dl>
        {parts.map((p) => (
          <div className="score-bar" key={p.code}>
            <dt>{p.label}</dt>
            <dd>
              <meter
                min={0}
                max={Math.max(1, p.max)}
                value={p.points}
                aria-label={`${p.label}: ${p.points} / ${p.max}`}
              />
              <span className="score-bar-value">
                {p.points} / {p.max}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}

/** A score's components as ScoreBars parts, labelled in the user's language. */
export function useScoreParts() {
  const { t } = useTranslation();
  return (breakdown: ReadonlyArray<{ code: string; points: number; maxPoints: number }>): ScorePart[] =>
    breakdown.map((c) => ({
      code: c.code,
      label: t(`domain.scoreParts.${c.code}`),
      points: c.points,
      max: c.maxPoints,
    }));
}
