import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { questionTypeLabel, type QuestionType } from "../../domain/levels.ts";

export interface OpenAttemptQuestion {
  position: number;
  type: QuestionType;
  prompt: string;
  choices: string[];
  chosen: number[];
}

export const answerFieldName = (position: number) => `answer-${position}`;
/** The anchor of a question: the review step links to it. */
export const questionAnchor = (position: number) => `question-${position}`;

interface SaveReply {
  ok: boolean;
  message?: string;
}

/**
 * One question. Each change is saved at once through a fetcher (intent=answer), so a reload keeps
 * it; the inputs also belong to the page's form, so Submit carries every answer without JavaScript.
 */
function QuestionField({
  question,
  onAnswered,
}: {
  question: OpenAttemptQuestion;
  onAnswered: (position: number, answered: boolean) => void;
}) {
  const fetcher = useFetcher<SaveReply>({ key: `answer-${question.position}` });
  const [touched, setTouched] = useState(false);
  const multi = question.type === "MULTI";
  const name = answerFieldName(question.position);
  const legendId = questionAnchor(question.position);

  function save(fieldset: HTMLFieldSetElement) {
    const form = new FormData();
    form.set("intent", "answer");
    form.set("position", String(question.position));
    const checked = fieldset.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`);
    for (const input of checked) form.append("choice", input.value);
    setTouched(true);
    onAnswered(question.position, checked.length > 0);
    fetcher.submit(form, { method: "post" });
  }

  const status =
    fetcher.state !== "idle"
      ? "Saving…"
      : fetcher.data?.ok === false
        ? (fetcher.data.message ?? "Not saved.")
        : touched && fetcher.data?.ok
          ? "Saved"
          : null;

  return (
    <fieldset
      className="panel attempt-question"
      aria-labelledby={legendId}
      onChange={(event) => save(event.currentTarget)}
    >
      <legend id={legendId}>
        <strong>
          {question.position + 1}. {question.prompt}
        </strong>{" "}
        <span className="muted small">({multi ? "choose every right answer" : questionTypeLabel(question.type)})</span>
      </legend>
      {question.choices.map((choice, index) => (
        <label key={choice} className="checkbox">
          <input
            type={multi ? "checkbox" : "radio"}
            name={name}
            value={index}
            defaultChecked={question.chosen.includes(index)}
          />
          {choice}
        </label>
      ))}
      <p className={`small ${fetcher.data?.ok === false ? "form-error" : "muted"}`} aria-live="polite">
        {status ?? "\u00a0"}
      </p>
    </fieldset>
  );
}

/**
 * With JavaScript, a link of the review list brings its question into view and puts the focus on
 * its first choice, without a navigation (which would also drop the review the server sent back).
 * Without JavaScript the plain anchor does the scrolling.
 */
function goToQuestion(event: MouseEvent<HTMLAnchorElement>, position: number) {
  const fieldset = document.getElementById(questionAnchor(position))?.closest("fieldset");
  if (!fieldset) return;
  event.preventDefault();
  fieldset.scrollIntoView({ block: "start" });
  fieldset.querySelector<HTMLInputElement>("input")?.focus({ preventScroll: true });
}

const excerpt = (text: string) => (text.length > 90 ? `${text.slice(0, 87)}…` : text);
const questions = (n: number) => `${n} question${n === 1 ? "" : "s"}`;

/**
 * The review step (PRODUCT.md §3 Quizzes): the server answered a submission with blanks by saving
 * the answers and listing the unanswered questions instead of grading. The list follows the
 * answers given since (with JavaScript), and "Submit anyway" is the only way to hand in blanks.
 */
function ReviewStep({
  unanswered,
  total,
  prompts,
  submitting,
}: {
  unanswered: number[];
  total: number;
  prompts: Map<number, string>;
  submitting: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="panel attempt-review" aria-labelledby="attempt-review-title">
      <h2 id="attempt-review-title" ref={heading} tabIndex={-1}>
        {unanswered.length === 0
          ? "Every question is answered now"
          : `${unanswered.length} of ${total} questions not answered yet`}
      </h2>
      {unanswered.length === 0 ? (
        <p>Your attempt has not been submitted yet. Submit your answers when you are ready.</p>
      ) : (
        <>
          <p>
            Your attempt has not been submitted, and your answers so far are saved. Answer these, or submit anyway: a
            question without an answer scores nothing.
          </p>
          <ul>
            {unanswered.map((position) => (
              <li key={position}>
                <a href={`#${questionAnchor(position)}`} onClick={(event) => goToQuestion(event, position)}>
                  Question {position + 1}: {excerpt(prompts.get(position) ?? "")}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        {unanswered.length > 0 ? (
          <button type="submit" name="intent" value="submit-anyway" className="button secondary" disabled={submitting}>
            Submit anyway
          </button>
        ) : (
          <button type="submit" name="intent" value="submit" className="button" disabled={submitting}>
            Submit my answers
          </button>
        )}
      </p>
    </section>
  );
}

/**
 * The attempt: a bar that stays in view while scrolling (the timer and how many questions are
 * answered), the questions, and Submit. `review` lists the unanswered positions the server sent
 * back instead of grading, or is null.
 */
export function AttemptForm({
  questions: items,
  timer,
  review: reply,
}: {
  questions: OpenAttemptQuestion[];
  timer: ReactNode;
  review: number[] | null;
}) {
  const navigation = useNavigation();
  // The server's reply lives only until the next navigation (even a change of the URL's #hash):
  // keep the review until a newer reply replaces it.
  const [review, setReview] = useState(reply ? { unanswered: reply, reply: 0 } : null);
  useEffect(() => {
    if (reply) setReview((current) => ({ unanswered: reply, reply: (current?.reply ?? 0) + 1 }));
  }, [reply]);
  const submitting = navigation.state === "submitting";
  const [answered, setAnswered] = useState(
    () => new Set(items.filter((q) => q.chosen.length > 0).map((q) => q.position)),
  );
  const onAnswered = (position: number, isAnswered: boolean) =>
    setAnswered((current) => {
      const next = new Set(current);
      if (isAnswered) next.add(position);
      else next.delete(position);
      return next;
    });
  const prompts = new Map(items.map((q) => [q.position, q.prompt]));
  return (
    <Form method="post" id="attempt-form" className="attempt-form">
      <div className="attempt-bar">
        {timer}
        <p className="attempt-progress" id="attempt-progress">
          <span className="attempt-bar-label">Answered</span>{" "}
          <span className="attempt-bar-value">
            {answered.size} of {items.length}
          </span>
        </p>
      </div>
      <input type="hidden" name="positions" value={items.map((q) => q.position).join(",")} />
      {review ? (
        // Keyed by the reply, so a second review (after another Submit) moves the focus again.
        <ReviewStep
          key={review.reply}
          unanswered={review.unanswered.filter((p) => !answered.has(p))}
          total={items.length}
          prompts={prompts}
          submitting={submitting}
        />
      ) : null}
      {items.map((question) => (
        <QuestionField key={question.position} question={question} onAnswered={onAnswered} />
      ))}
      <p className="muted small">
        Your answers are saved as you give them. Once you submit, they can no longer change
        {answered.size < items.length
          ? `; ${questions(items.length - answered.size)} still without an answer will be listed for you first`
          : ""}
        .
      </p>
      <button type="submit" name="intent" value="submit" className="button" disabled={submitting}>
        Submit my answers
      </button>
    </Form>
  );
}
