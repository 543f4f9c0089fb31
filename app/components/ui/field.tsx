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
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <input {...getInputProps(meta, { type })} max={max} autoComplete={autoComplete} key={meta.key} />
      {hint ? <span className="hint">{hint}</span> : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
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
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <textarea {...getTextareaProps(meta)} rows={rows} key={meta.key} />
      {hint ? <span className="hint">{hint}</span> : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
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
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <select {...getSelectProps(meta)} key={meta.key}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? <span className="hint">{hint}</span> : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
