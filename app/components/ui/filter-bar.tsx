import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * The filters above a list: a GET form in the search landmark, so a filtered view is an address
 * that can be bookmarked and shared, and works without JavaScript. Its fields (`FilterSelect`,
 * `FilterInput`, the table's `TableStateInputs`) are the children; the submit button follows
 * them, then `after` (a "Clear filters" link, a count). `actions` replaces button and `after`.
 */
export function FilterBar({
  label,
  action,
  className,
  submitLabel = "Filter",
  submitClassName = "button secondary",
  after,
  actions,
  children,
}: {
  /** The search landmark's name, e.g. "Filter users". */
  label: string;
  action?: string;
  /** Classes besides "filters". */
  className?: string;
  submitLabel?: string;
  submitClassName?: string;
  after?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Form
      method="get"
      action={action}
      className={className ? `filters ${className}` : "filters"}
      role="search"
      aria-label={label}
    >
      {children}
      {actions ?? (
        <>
          <button type="submit" className={submitClassName}>
            {submitLabel}
          </button>
          {after}
        </>
      )}
    </Form>
  );
}

/**
 * A labelled field of a `FilterBar`: the label, the control `children` draws (given the id of
 * the hint that describes it, when there is one), then the hint.
 */
export function FilterField({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  children: (hintId: string | undefined) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(hintId)}
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/**
 * A labelled text, search or date box of a `FilterBar`; empty means "no filter". The id is
 * `filter-<name>` unless given, and a hint is tied to the box by `aria-describedby`.
 */
export function FilterInput({
  id,
  name,
  label,
  type = "search",
  defaultValue,
  placeholder,
  maxLength,
  max,
  hint,
}: {
  id?: string;
  name: string;
  label: string;
  type?: "search" | "text" | "date";
  defaultValue: string | null | undefined;
  placeholder?: string;
  maxLength?: number;
  max?: string;
  hint?: ReactNode;
}) {
  const inputId = id ?? `filter-${name}`;
  return (
    <FilterField id={inputId} label={label} hint={hint}>
      {(hintId) => (
        <input
          id={inputId}
          name={name}
          type={type}
          placeholder={placeholder}
          defaultValue={defaultValue ?? ""}
          maxLength={maxLength}
          max={max}
          aria-describedby={hintId}
        />
      )}
    </FilterField>
  );
}
