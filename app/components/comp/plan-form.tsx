import { getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { CompPlanParams } from "../../domain/comp-plan.ts";
import { CURVE_ROWS, planSchema } from "../../schemas/comp.ts";
import { ErrorList, InputField } from "../ui/field.tsx";
import { conformOptions } from "../ui/conform-options.ts";
import { ConformForm } from "../ui/conform-form.tsx";
import { formatPercent } from "../ui/format.ts";

export interface PlanQuizOption {
  id: string;
  title: string;
  requiredForComp: boolean;
  passMark: number;
  published: boolean;
}

function defaultsFrom(params: CompPlanParams, quizzes: PlanQuizOption[]) {
  const curve = Array.from({ length: CURVE_ROWS }, (_, i) => {
    const point = params.curve[i];
    return point ? { x: String(point[0]), y: String(point[1]) } : { x: "", y: "" };
  });
  const asText = (value: number) => String(value);
  return {
    weights: {
      accuracy: asText(params.weights.accuracy),
      quiz: asText(params.weights.quiz),
      satisfaction: asText(params.weights.satisfaction),
    },
    accuracyPrior: { k: asText(params.accuracyPrior.k), m: asText(params.accuracyPrior.m) },
    satisfactionPrior: { k: asText(params.satisfactionPrior.k), m: asText(params.satisfactionPrior.m) },
    curve,
    gates: {
      highSeverityInaccurateCap: asText(params.gates.highSeverityInaccurateCap),
      quizBelowPassMarkCap: asText(params.gates.quizBelowPassMarkCap),
    },
    requiredQuizIds: quizzes.filter((quiz) => quiz.requiredForComp).map((quiz) => quiz.id),
  };
}

export function PlanForm({
  params,
  quizzes,
  nextVersion,
  lastResult,
}: {
  params: CompPlanParams;
  quizzes: PlanQuizOption[];
  nextVersion: number;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm({
    ...conformOptions("comp-plan", planSchema, lastResult),
    defaultValue: defaultsFrom(params, quizzes),
  });
  const weights = fields.weights.getFieldset();
  const accuracyPrior = fields.accuracyPrior.getFieldset();
  const satisfactionPrior = fields.satisfactionPrior.getFieldset();
  const gates = fields.gates.getFieldset();
  const curve = fields.curve.getFieldList();
  return (
    <ConformForm form={form} submitLabel={<>Save as version {nextVersion}</>}>
      <fieldset>
        <legend>Weights of the composite C = wA·A + wQ·Q + wS·S (they must add up to 1)</legend>
        <div className="grid-2">
          <InputField label="Accuracy weight wA" meta={weights.accuracy} />
          <InputField label="Quiz weight wQ" meta={weights.quiz} />
          <InputField label="Satisfaction weight wS" meta={weights.satisfaction} />
        </div>
        <ErrorList id={fields.weights.errorId} errors={fields.weights.errors} />
      </fieldset>
      <fieldset>
        <legend>Priors: where A and S start before there is evidence</legend>
        <div className="grid-2">
          <InputField label="Accuracy prior weight kA (severity points)" meta={accuracyPrior.k} />
          <InputField label="Accuracy prior mA (0 to 1)" meta={accuracyPrior.m} />
          <InputField label="Satisfaction prior weight kS (surveys)" meta={satisfactionPrior.k} />
          <InputField label="Satisfaction prior mS (0 to 1)" meta={satisfactionPrior.m} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Multiplier curve: points (C, M), C ascending; leave unused rows empty</legend>
        <ErrorList id={fields.curve.errorId} errors={fields.curve.errors} />
        <table>
          <thead>
            <tr>
              <th scope="col">Point</th>
              <th scope="col">Composite C</th>
              <th scope="col">Multiplier M</th>
            </tr>
          </thead>
          <tbody>
            {curve.map((point, index) => {
              const { x, y } = point.getFieldset();
              return (
                <tr key={point.key}>
                  <th scope="row">{index + 1}</th>
                  <td>
                    <label htmlFor={x.id} className="visually-hidden">{`Point ${index + 1}: C`}</label>
                    <input {...getInputProps(x, { type: "text" })} inputMode="decimal" key={x.key} />
                    <ErrorList id={x.errorId} errors={x.errors} />
                  </td>
                  <td>
                    <label htmlFor={y.id} className="visually-hidden">{`Point ${index + 1}: M`}</label>
                    <input {...getInputProps(y, { type: "text" })} inputMode="decimal" key={y.key} />
                    <ErrorList id={y.errorId} errors={y.errors} />
                    <ErrorList id={point.errorId} errors={point.errors} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
      <fieldset>
        <legend>Gates: caps on M</legend>
        <div className="grid-2">
          <InputField label="Cap when a high-severity claim is inaccurate" meta={gates.highSeverityInaccurateCap} />
          <InputField label="Cap when a required quiz is below its pass mark" meta={gates.quizBelowPassMarkCap} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Quizzes required for compensation</legend>
        {quizzes.length === 0 ? (
          <p className="muted">There are no quizzes yet; with none required, Q is dropped.</p>
        ) : null}
        {quizzes.map((quiz) => (
          <div className="checkbox" key={quiz.id}>
            <label>
              <input
                type="checkbox"
                name={fields.requiredQuizIds.name}
                value={quiz.id}
                defaultChecked={quiz.requiredForComp}
              />{" "}
              {quiz.title} (pass mark {formatPercent(quiz.passMark)}
              {quiz.published ? "" : ", not published"})
            </label>
          </div>
        ))}
        <ErrorList id={fields.requiredQuizIds.errorId} errors={fields.requiredQuizIds.errors} />
      </fieldset>
    </ConformForm>
  );
}
