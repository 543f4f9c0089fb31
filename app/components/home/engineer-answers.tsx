import { Link } from "@remix-run/react";
import { formatDate } from "../ui/format.ts";

export interface AnswerRow {
  id: string;
  question: string;
  answer: string | null;
  answeredAt: string | Date | null;
  product: { name: string };
  answeredBy: { name: string } | null;
}

export function EngineerAnswers({ rows }: { rows: AnswerRow[] }) {
  return (
    <section aria-labelledby="answers">
      <h2 id="answers">Answers from engineers</h2>
      {rows.length === 0 ? (
        <p className="muted">
          No answered questions yet. <Link to="/ask">Ask an engineer</Link> before you promise something you are unsure
          of.
        </p>
      ) : (
        <ul>
          {rows.map((answer) => (
            <li key={answer.id}>
              <Link to={`/ask/${answer.id}`}>
                <strong>{answer.question}</strong>
              </Link>{" "}
              ({answer.product.name}) — {answer.answer}{" "}
              <span className="muted small">
                {answer.answeredBy?.name}, {formatDate(answer.answeredAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
