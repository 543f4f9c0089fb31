import { useEffect, useState } from "react";
import { ANSWER_GRACE_MS } from "../../domain/quiz-rules.ts";

function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}

/**
 * The time left, ticking in the browser. The server's clock is the reference (the page carries
 * its "now"), so a browser clock that is off does not shorten or lengthen the attempt. It sits in
 * the attempt's bar, which stays in view while the taker scrolls through the questions.
 */
export function Countdown({ deadline, serverNow }: { deadline: Date | string; serverNow: Date | string }) {
  const deadlineMs = new Date(deadline).getTime();
  const serverNowMs = new Date(serverNow).getTime();
  const [remaining, setRemaining] = useState(() => deadlineMs - serverNowMs);
  useEffect(() => {
    const offset = serverNowMs - Date.now();
    const tick = () => setRemaining(deadlineMs - (Date.now() + offset));
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [deadlineMs, serverNowMs]);
  const over = remaining <= 0;
  return (
    <div className="attempt-timer" role="timer" aria-label="Time left">
      <span className="attempt-bar-label">Time left</span>{" "}
      <span className={`attempt-bar-value${remaining < 60_000 ? " bad" : ""}`}>{clock(remaining)}</span>
      {over ? (
        <p className="form-error small" role="alert">
          Time is up. Submit now: answers are accepted for {Math.round(ANSWER_GRACE_MS / 1000)} seconds after the
          deadline, then the attempt is graded on what was saved.
        </p>
      ) : null}
    </div>
  );
}
