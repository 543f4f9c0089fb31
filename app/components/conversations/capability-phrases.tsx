import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { capabilityPhrasesSchema } from "../../schemas/capability.ts";
import { ErrorList } from "../ui/field.tsx";
import { useIsPending } from "../ui/submit-button.tsx";

/**
 * The phrases a conversation's sentences are matched with, besides the title (PRODUCT.md §7).
 * Everyone sees them, so a salesperson knows why a sentence was proposed; engineers and admins
 * keep them.
 */
export function CapabilityPhrases({
  title,
  phrases,
  canEdit,
  result,
}: {
  title: string;
  phrases: string;
  canEdit: boolean;
  result: SubmissionResult<string[]> | undefined;
}) {
  const busy = useIsPending({ intent: "phrases" });
  const [form, fields] = useForm({
    id: "capability-phrases",
    lastResult: result,
    constraint: getZodConstraint(capabilityPhrasesSchema),
    defaultValue: { phrases },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: capabilityPhrasesSchema }),
  });
  const list = phrases.split("\n").filter((phrase) => phrase !== "");
  return (
    <section className="panel" aria-labelledby="phrases-title">
      <h2 id="phrases-title">Phrases</h2>
      <p className="small muted">
        Imported calls and emails are searched for the title “{title}” and for these words, which customers and
        salespeople use for it. Every candidate claim says which one matched.
      </p>
      {list.length === 0 ? (
        <p className="muted">No phrases yet: only the title is matched.</p>
      ) : (
        <ul className="inline-list">
          {list.map((phrase) => (
            <li key={phrase}>
              <code>{phrase}</code>
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="phrases" />
          <ErrorList id={form.errorId} errors={form.errors} />
          <div className="field">
            <label htmlFor={fields.phrases.id}>Phrases, one per line</label>
            <textarea {...getTextareaProps(fields.phrases)} rows={5} key={fields.phrases.key} />
            <span className="hint">
              Blank lines and repeats are dropped; matching ignores case and punctuation. Changing phrases is not a new
              revision.
            </span>
            <ErrorList id={fields.phrases.errorId} errors={fields.phrases.errors} />
          </div>
          <button type="submit" className="button secondary" disabled={busy}>
            Save phrases
          </button>
        </Form>
      ) : null}
    </section>
  );
}
