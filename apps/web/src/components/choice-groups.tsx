import { useId, type ReactNode } from 'react';
import './choice-groups.css';

interface Choice {
  value: string;
  label: ReactNode;
  /** A line under the option's label. */
  help?: ReactNode;
}

interface GroupFrame {
  legend: ReactNode;
  help?: ReactNode;
  error?: ReactNode;
  options: ReadonlyArray<Choice>;
  /** Lays longer lists out in columns. */
  long?: boolean;
  /** Very long lists (e.g. languages): columns inside a box that scrolls. */
  scroll?: boolean;
  disabled?: boolean;
}

/** A `<fieldset>` with its legend, help and error tied to it for screen readers. */
function Group({
  legend,
  help,
  error,
  long,
  scroll,
  children,
}: Omit<GroupFrame, 'options'> & { children: ReactNode }) {
  const id = useId();
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`choice-group${error ? ' field-invalid' : ''}`} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {help ? (
        <p className="field-help" id={helpId}>
          {help}
        </p>
      ) : null}
      <div
        className={`choice-options${long || scroll ? ' choice-options-long' : ''}${scroll ? ' choice-options-scroll' : ''}`}
      >
        {children}
      </div>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * One option: its label names the control, its help line describes it (so a screen reader says
 * "MSME, radio button" and then the help, not both run together as the name).
 */
function ChoiceOption({
  type,
  name,
  option,
  checked,
  disabled,
  onChange,
}: {
  type: 'checkbox' | 'radio';
  name?: string;
  option: Choice & { value: string };
  checked: boolean;
  disabled?: boolean;
  onChange(checked: boolean): void;
}) {
  const id = useId();
  return (
    <div className="choice">
      <input
        id={id}
        type={type}
        name={name}
        value={option.value}
        disabled={disabled}
        checked={checked}
        aria-describedby={option.help ? `${id}-help` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>
        <label htmlFor={id}>{option.label}</label>
        {option.help ? (
          <span className="choice-help" id={`${id}-help`}>
            {option.help}
          </span>
        ) : null}
      </span>
    </div>
  );
}

/** Several checkboxes for one list value (e.g. languages), in a fieldset with a legend. */
export function CheckboxGroup({
  value,
  onChange,
  ...frame
}: GroupFrame & { value: readonly string[]; onChange(next: string[]): void }) {
  const { options, disabled } = frame;
  return (
    <Group {...frame}>
      {options.map((o) => (
        <ChoiceOption
          key={o.value}
          type="checkbox"
          option={o}
          disabled={disabled}
          checked={value.includes(o.value)}
          onChange={(checked) => onChange(checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
        />
      ))}
    </Group>
  );
}

/** Radio buttons for one value, in a fieldset with a legend. */
export function RadioGroup({
  name,
  value,
  onChange,
  ...frame
}: GroupFrame & { name: string; value: string; onChange(next: string): void }) {
  const { options, disabled } = frame;
  return (
    <Group {...frame}>
      {options.map((o) => (
        <ChoiceOption
          key={o.value}
          type="radio"
          name={name}
          option={o}
          disabled={disabled}
          checked={value === o.value}
          onChange={() => onChange(o.value)}
        />
      ))}
    </Group>
  );
}
