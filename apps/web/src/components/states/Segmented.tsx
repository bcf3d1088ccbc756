"use client";

import { useId } from "react";
import classes from "./Segmented.module.css";

/** A choice of a few options shown side by side (like Mantine's SegmentedControl), as native radios. */
export function Segmented<V extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  value: V;
  onChange: (value: V) => void;
}) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={label} className={classes.root}>
      {options.map((o) => {
        const id = `${name}-${o.value}`;
        return (
          <div key={o.value} className={classes.option}>
            <input
              type="radio"
              id={id}
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              className={`visually-hidden ${classes.input}`}
            />
            <label htmlFor={id} className={classes.label}>
              {o.label}
            </label>
          </div>
        );
      })}
    </div>
  );
}
