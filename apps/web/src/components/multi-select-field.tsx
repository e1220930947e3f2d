import { useId, useState, type ReactNode } from 'react';
import './multi-select-field.css';

export interface MultiSelectOption {
  value: string;
  label: string;
  /** Options with the same group are listed under it (an `optgroup`). */
  group?: string;
}

interface GroupFrame {
  legend: ReactNode;
  help?: ReactNode;
  error?: ReactNode;
  value: readonly string[];
  onChange(value: string[]): void;
  options: readonly MultiSelectOption[];
}

function describedBy(id: string, help: unknown, error: unknown): string | undefined {
  return [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Notes({ id, help, error }: { id: string; help?: ReactNode; error?: ReactNode }) {
  return (
    <>
      {help ? (
        <p className="field-help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

/**
 * A long list to choose several from (languages, sectors): the chosen ones as removable chips,
 * and a select with an Add button for more. Keyboard only: Tab to the select, arrows, Tab, Enter.
 * Text comes from the caller, already translated.
 */
export function MultiSelectField({
  legend,
  help,
  error,
  value,
  onChange,
  options,
  addLabel,
  removeLabel,
  placeholder,
  emptyText,
}: GroupFrame & {
  /** The Add button. */
  addLabel: string;
  /** A chip's remove button, e.g. (label) => `Remove ${label}`. */
  removeLabel(label: string): string;
  /** The select's empty first option. */
  placeholder: string;
  /** Shown while nothing is chosen. */
  emptyText: string;
}) {
  const id = useId();
  const [pending, setPending] = useState('');
  const labelOf = new Map(options.map((o) => [o.value, o.label]));
  const available = options.filter((o) => !value.includes(o.value));
  const groups: Array<{ group: string | undefined; options: MultiSelectOption[] }> = [];
  for (const option of available) {
    const last = groups[groups.length - 1];
    if (last && last.group === option.group) last.options.push(option);
    else groups.push({ group: option.group, options: [option] });
  }
  const add = () => {
    if (!pending || value.includes(pending)) return;
    onChange([...value, pending]);
    setPending('');
  };
  return (
    <fieldset
      className={`multi-select${error ? ' field-invalid' : ''}`}
      aria-describedby={describedBy(id, help, error)}
      aria-invalid={error ? true : undefined}
    >
      <legend id={`${id}-legend`}>{legend}</legend>
      {value.length === 0 ? (
        <p className="meta">{emptyText}</p>
      ) : (
        <ul className="multi-select-chips">
          {value.map((v) => {
            const label = labelOf.get(v) ?? v;
            return (
              <li key={v} className="multi-select-chip">
                <span>{label}</span>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => onChange(value.filter((x) => x !== v))}
                >
                  <span aria-hidden="true">×</span>
                  <span className="visually-hidden">{removeLabel(label)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="multi-select-add">
        <select
          aria-labelledby={`${id}-legend`}
          aria-describedby={describedBy(id, help, error)}
          value={pending}
          onChange={(e) => setPending(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        >
          <option value="">{placeholder}</option>
          {groups.map((g, i) =>
            g.group ? (
              <optgroup key={`${g.group}-${i}`} label={g.group}>
                {g.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ) : (
              g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))
            ),
          )}
        </select>
        <button type="button" className="button-secondary" onClick={add} disabled={!pending}>
          {addLabel}
        </button>
      </div>
      <Notes id={id} help={help} error={error} />
    </fieldset>
  );
}
