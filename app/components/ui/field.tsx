import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <div id={id}>
      {errors.map((error) => (
        <p key={error} className="field-error">
          {error}
        </p>
      ))}
    </div>
  );
}

/**
 * The one labelled form field: the label, the control given as children (its id is
 * `meta.id`), an optional hint, and the field's errors under `meta.errorId` — the id conform's
 * `get*Props` name in the control's `aria-describedby` while the field is invalid.
 */
export function Field({
  label,
  meta,
  hint,
  children,
}: {
  label: ReactNode;
  meta: Pick<FieldMetadata<unknown>, "id" | "errorId" | "errors">;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {children}
      {hint ? <span className="hint">{hint}</span> : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** The `<option>`s of a select, one per `{ value, label }`. */
export function SelectOptions({ options }: { options: ReadonlyArray<{ value: string; label: string }> }) {
  return (
    <>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}

type InputType = "text" | "email" | "password" | "number" | "date" | "url" | "search";

export function InputField({
  label,
  meta,
  type = "text",
  hint,
  autoComplete,
  max,
}: {
  label: string;
  meta: FieldMetadata<string | number | undefined | null>;
  type?: InputType;
  hint?: ReactNode;
  autoComplete?: string;
  /** The latest date or largest number the browser offers (the schema still decides). */
  max?: string;
}) {
  return (
    <Field label={label} meta={meta} hint={hint}>
      <input {...getInputProps(meta, { type })} max={max} autoComplete={autoComplete} key={meta.key} />
    </Field>
  );
}

export function TextareaField({
  label,
  meta,
  hint,
  rows = 3,
}: {
  label: string;
  meta: FieldMetadata<string | undefined | null>;
  hint?: ReactNode;
  rows?: number;
}) {
  return (
    <Field label={label} meta={meta} hint={hint}>
      <textarea {...getTextareaProps(meta)} rows={rows} key={meta.key} />
    </Field>
  );
}

export function SelectField({
  label,
  meta,
  options,
  placeholder,
  hint,
}: {
  label: string;
  meta: FieldMetadata<string | undefined | null>;
  options: ReadonlyArray<{ value: string; label: string }>;
  placeholder?: string;
  hint?: ReactNode;
}) {
  return (
    <Field label={label} meta={meta} hint={hint}>
      <select {...getSelectProps(meta)} key={meta.key}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        <SelectOptions options={options} />
      </select>
    </Field>
  );
}
