import type { NextStep } from "../../domain/next-steps.ts";

/** The top of the salesperson's home: what to do next, most pressing first. */
export function NextSteps({ steps }: { steps: NextStep[] }) {
  return (
    <section className="panel next-steps" aria-labelledby="next-steps">
      <h2 id="next-steps">Next to do</h2>
      {steps.length === 0 ? (
        <p>
          Nothing is waiting for you. Before you promise something new, check the{" "}
          <a href="/capabilities">capability matrix</a> or <a href="/ask">ask an engineer</a>.
        </p>
      ) : (
        <ol>
          {steps.map((step) => (
            <li key={step.href + step.text}>
              <a href={step.href}>{step.text}</a>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
