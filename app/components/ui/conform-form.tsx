import { getFormProps, type FormMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorList } from "./field.tsx";
import { SubmitButton } from "./submit-button.tsx";

/**
 * A posted conform form (`useForm(conformOptions(…))`): the form's own props and id, its
 * `intent` as a hidden field, its form-level errors, then the fields given as children and the
 * `SubmitButton` (pending only while this form is sent). A form with other buttons leaves out
 * `submitLabel` and puts them among the children.
 */
export function ConformForm<Schema extends Record<string, unknown>>({
  form,
  intent,
  title,
  titleId = `${form.id}-title`,
  hidden,
  intro,
  submitLabel,
  submitClassName,
  className = "stack",
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  intent?: string;
  /** A heading inside the form that names it (`aria-labelledby`), for a page with several. */
  title?: ReactNode;
  /** Defaults to `<form id>-title`. */
  titleId?: string;
  /** Hidden fields sent with the form besides its intent, e.g. the version the editor saw. */
  hidden?: Record<string, string | number>;
  /** Shown above the form's errors and fields. */
  intro?: ReactNode;
  submitLabel?: ReactNode;
  submitClassName?: string;
  /** The form's class: "stack" unless given; null for none. */
  className?: string | null;
  children?: ReactNode;
}) {
  return (
    <Form
      method="post"
      className={className ?? undefined}
      {...getFormProps(form)}
      aria-labelledby={title === undefined ? undefined : titleId}
    >
      {title === undefined ? null : <h3 id={titleId}>{title}</h3>}
      {intent === undefined ? null : <input type="hidden" name="intent" value={intent} />}
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {intro}
      <ErrorList id={form.errorId} errors={form.errors} />
      {children}
      {submitLabel === undefined ? null : (
        <div>
          <SubmitButton intent={intent} className={submitClassName}>
            {submitLabel}
          </SubmitButton>
        </div>
      )}
    </Form>
  );
}
