"use client";

import { type CSSProperties, type ReactNode, useId } from "react";
import classes from "./Field.module.css";

// A labelled <select> and a labelled text <input> that look like Mantine's NativeSelect and
// TextInput, as plain markup: the filters and the workspace switcher cost no input JavaScript.
// (Forms, which need descriptions, errors and Mantine form bindings, keep Mantine's inputs.)

type FieldProps = {
  label: string;
  hiddenLabel?: boolean;
  width?: CSSProperties["width"];
  /** Extra class of the field (e.g. a responsive width). */
  className?: string;
  testId?: string;
};

function Field({
  label,
  hiddenLabel,
  width,
  className,
  id,
  children,
}: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className={className ? `${classes.root} ${className}` : classes.root} style={{ width }}>
      <label htmlFor={id} className={hiddenLabel ? "visually-hidden" : classes.label}>
        {label}
      </label>
      <div className={classes.control}>{children}</div>
    </div>
  );
}

const CHEVRON =
  "M4.93179 5.43179C4.75605 5.60753 4.75605 5.89245 4.93179 6.06819C5.10753 6.24392 5.39245 6.24392 5.56819 6.06819L7.49999 4.13638L9.43179 6.06819C9.60753 6.24392 9.89245 6.24392 10.0682 6.06819C10.2439 5.89245 10.2439 5.60753 10.0682 5.43179L7.81819 3.18179C7.73379 3.0974 7.61933 3.04999 7.49999 3.04999C7.38064 3.04999 7.26618 3.0974 7.18179 3.18179L4.93179 5.43179ZM10.0682 9.56819C10.2439 9.39245 10.2439 9.10753 10.0682 8.93179C9.89245 8.75606 9.60753 8.75606 9.43179 8.93179L7.49999 10.8636L5.56819 8.93179C5.39245 8.75606 5.10753 8.75606 4.93179 8.93179C4.75605 9.10753 4.75605 9.39245 4.93179 9.56819L7.18179 11.8182C7.35753 11.9939 7.64245 11.9939 7.81819 11.8182L10.0682 9.56819Z";

export function SelectField({
  options,
  value,
  onChange,
  ...field
}: FieldProps & {
  options: ReadonlyArray<{ value: string; label: string }>;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <Field {...field} id={id}>
      <select
        id={id}
        className={`${classes.input} ${classes.select}`}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        data-testid={field.testId}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <span className={classes.chevron}>
        <svg viewBox="0 0 15 15" fill="none" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">
          <path d={CHEVRON} fill="currentColor" fillRule="evenodd" clipRule="evenodd" />
        </svg>
      </span>
    </Field>
  );
}

export function SearchField({
  value,
  onChange,
  placeholder,
  maxLength,
  ...field
}: FieldProps & { value: string; onChange: (value: string) => void; placeholder?: string; maxLength?: number }) {
  const id = useId();
  return (
    <Field {...field} id={id}>
      <input
        id={id}
        type="search"
        className={classes.input}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        placeholder={placeholder}
        maxLength={maxLength}
        data-testid={field.testId}
      />
    </Field>
  );
}
