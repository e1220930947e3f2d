/** A labelled progress bar (0-100) for long-running jobs. */
export function ProgressBar({ label, value }: { label: string; value: number }) {
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="progress">
      <span className="progress-label">
        {label} <span aria-hidden="true">{percent} %</span>
      </span>
      <progress max={100} value={percent} aria-label={label}>
        {percent} %
      </progress>
    </div>
  );
}
