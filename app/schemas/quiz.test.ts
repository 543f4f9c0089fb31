import { describe, expect, it } from "vitest";
import { parseChoiceNumbers, questionContent, questionFormSchema, quizFormSchema } from "./quiz.ts";
import { parseForm } from "./test-support.ts";

const question = {
  productId: "p1",
  type: "SINGLE",
  prompt: "Which Excel versions open the export?",
  choices: "2007 and later\nOnly 2003",
  correct: "1",
  explanation: "xlsx needs 2007+.",
};

const quiz = {
  title: "Q",
  questionCount: "10",
  timeLimitMinutes: "10",
  passMarkPercent: "70",
  maxAttempts: "3",
  certificationDays: "365",
};

describe("questionFormSchema", () => {
  it("accepts a valid question and turns choice numbers into indexes", () => {
    const submission = parseForm(questionFormSchema, question);
    expect(submission.status).toBe("success");
    if (submission.status === "success")
      expect(questionContent(submission.value)).toEqual({ choices: ["2007 and later", "Only 2003"], correct: [0] });
  });

  it("puts each problem next to its field", () => {
    const submission = parseForm(questionFormSchema, {
      ...question,
      choices: "Only one",
      correct: "1, 2",
      explanation: "",
    });
    expect(submission.status).toBe("error");
    const errors = submission.reply().error ?? {};
    expect(errors.choices?.[0]).toMatch(/at least two choices/);
    expect(errors.correct?.[0]).toMatch(/between 1 and 1/);
    expect(errors.explanation?.[0]).toMatch(/Explain/);
  });

  it("gives true/false its fixed choices and wants exactly one right one for single-answer kinds", () => {
    const tf = parseForm(questionFormSchema, { ...question, type: "TRUE_FALSE", choices: "", correct: "2" });
    expect(tf.status === "success" ? questionContent(tf.value) : null).toEqual({
      choices: ["True", "False"],
      correct: [1],
    });
    const two = parseForm(questionFormSchema, { ...question, choices: "a\nb\nc", correct: "1,2" });
    expect(two.reply().error?.correct?.[0]).toMatch(/exactly one/);
    const multi = parseForm(questionFormSchema, { ...question, type: "MULTI", choices: "a\nb\nc", correct: "1,3" });
    expect(multi.status === "success" ? questionContent(multi.value).correct : null).toEqual([0, 2]);
  });

  it("refuses duplicate choices", () => {
    const submission = parseForm(questionFormSchema, { ...question, choices: "Yes\nyes" });
    expect(submission.reply().error?.choices?.[0]).toMatch(/same thing/);
  });
});

describe("parseChoiceNumbers", () => {
  it("reads numbers with commas or spaces and refuses anything else", () => {
    expect(parseChoiceNumbers("3, 1 1")).toEqual([0, 2]);
    expect(parseChoiceNumbers("first")).toBeNull();
  });
});

describe("quizFormSchema", () => {
  it("accepts a quiz with every number in range", () => {
    expect(parseForm(quizFormSchema, quiz).status).toBe("success");
  });

  it("checks every number's range with a plain message", () => {
    const outOfRange = { questionCount: "0", passMarkPercent: "101", certificationDays: "abc" };
    const errors = parseForm(quizFormSchema, { ...quiz, ...outOfRange }).reply().error ?? {};
    expect(errors.questionCount?.[0]).toBe("The number of questions must be at least 1.");
    expect(errors.passMarkPercent?.[0]).toBe("The pass mark can be at most 100 %.");
    expect(errors.certificationDays?.[0]).toMatch(/whole number/);
  });
});
