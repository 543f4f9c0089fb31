import { questionTypeLabel, type QuestionType } from "../../domain/levels.ts";
import { formatDate, formatDateTime, formatPercent } from "../ui/format.ts";
import { Tile } from "../ui/tile.tsx";

export interface ReviewedQuestion {
  position: number;
  type: QuestionType;
  prompt: string;
  choices: string[];
  correct: number[];
  chosen: number[];
  credit: number;
  explanation: string;
}

const listChoices = (choices: string[], indexes: number[]) =>
  indexes.length ? indexes.map((i) => choices[i] ?? `Choice ${i + 1}`).join("; ") : "";

export function AttemptSummary(props: {
  score: number;
  passed: boolean;
  passMark: number;
  submittedAt: Date | string;
  expired: boolean;
  practice: boolean;
  certifiedUntil: Date | string | null;
  takerName: string | null;
}) {
  const { score, passed, passMark, submittedAt, expired, practice, certifiedUntil, takerName } = props;
  return (
    <>
      <div className="tiles">
        <Tile label="Score" value={formatPercent(score)} />
        <Tile
          label="Result"
          value={<span className={`badge ${passed ? "good" : "bad"}`}>{passed ? "Passed" : "Not passed"}</span>}
          note={<>Pass mark {formatPercent(passMark)}</>}
        />
        <div className="tile">
          <div className="tile-label">{practice ? "Practice" : "Certification"}</div>
          <div className="tile-value small">
            {practice
              ? "Practice attempt: no certification"
              : certifiedUntil
                ? `Certified until ${formatDate(certifiedUntil)}`
                : "Not certified by this attempt"}
          </div>
        </div>
      </div>
      <p className="muted">
        {takerName ? `${takerName}'s attempt, ` : ""}
        {expired
          ? `graded when time ran out (${formatDateTime(submittedAt)}) on the answers saved by then.`
          : `submitted ${formatDateTime(submittedAt)}.`}
      </p>
    </>
  );
}

export function AttemptReview({ questions }: { questions: ReviewedQuestion[] }) {
  return (
    <ol className="stack" aria-label="Questions with the right answers">
      {questions.map((q) => {
        const tone = q.credit >= 1 ? "good" : q.credit > 0 ? "warn" : "bad";
        return (
          <li key={q.position} className="panel">
            <p>
              <strong>{q.prompt}</strong> <span className="muted small">({questionTypeLabel(q.type)})</span>{" "}
              <span className={`badge ${tone}`}>
                {q.credit >= 1 ? "Right" : q.credit > 0 ? `Partly right (${formatPercent(q.credit)})` : "Wrong"}
              </span>
            </p>
            <p>
              Your answer: {listChoices(q.choices, q.chosen) || <em>no answer</em>}
              <br />
              Right answer: {listChoices(q.choices, q.correct) || <em>none of the choices</em>}
            </p>
            <p className="muted">{q.explanation}</p>
          </li>
        );
      })}
    </ol>
  );
}
