import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { questionTypeLabel, type QuestionType } from "../../domain/levels.ts";

export interface OpenAttemptQuestion {
  position: number;
  type: QuestionType;
  prompt: string;
  choices: string[];
  chosen: number[];
}

export const answerFieldName = (position: number) => `answer-${position}`;

interface SaveReply {
  ok: boolean;
  message?: string;
}

/**
 * One question. Each change is saved at once through a fetcher (intent=answer), so a reload keeps
 * it; the inputs also belong to the page's form, so Submit carries every answer without JavaScript.
 */
function QuestionField({ question }: { question: OpenAttemptQuestion }) {
  const fetcher = useFetcher<SaveReply>({ key: `answer-${question.position}` });
  const [touched, setTouched] = useState(false);
  const multi = question.type === "MULTI";
  const name = answerFieldName(question.position);
  const legendId = `question-${question.position}`;

  function save(fieldset: HTMLFieldSetElement) {
    const form = new FormData();
    form.set("intent", "answer");
    form.set("position", String(question.position));
    for (const input of fieldset.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)) form.append("choice", input.value);
    setTouched(true);
    fetcher.submit(form, { method: "post" });
  }

  const status =
    fetcher.state !== "idle" ? "Saving…" : fetcher.data?.ok === false ? (fetcher.data.message ?? "Not saved.") : touched && fetcher.data?.ok ? "Saved" : null;

  return (
    <fieldset className="panel" aria-labelledby={legendId} onChange={(event) => save(event.currentTarget)}>
      <legend id={legendId}>
        <strong>
          {question.position + 1}. {question.prompt}
        </strong>{" "}
        <span className="muted small">({multi ? "choose every right answer" : questionTypeLabel(question.type)})</span>
      </legend>
      {question.choices.map((choice, index) => (
        <label key={choice} className="checkbox">
          <input type={multi ? "checkbox" : "radio"} name={name} value={index} defaultChecked={question.chosen.includes(index)} />
          {choice}
        </label>
      ))}
      <p className={`small ${fetcher.data?.ok === false ? "form-error" : "muted"}`} aria-live="polite">
        {status ?? "\u00a0"}
      </p>
    </fieldset>
  );
}

export function AttemptForm({ questions }: { questions: OpenAttemptQuestion[] }) {
  const navigation = useNavigation();
  return (
    <Form method="post" id="attempt-form">
      <input type="hidden" name="positions" value={questions.map((q) => q.position).join(",")} />
      {questions.map((question) => (
        <QuestionField key={question.position} question={question} />
      ))}
      <p className="muted small">Your answers are saved as you give them. Once you submit, they can no longer change.</p>
      <button type="submit" name="intent" value="submit" className="button" disabled={navigation.state === "submitting"}>
        Submit my answers
      </button>
    </Form>
  );
}
