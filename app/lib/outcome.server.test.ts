import { describe, expect, it } from "vitest";
import { z } from "zod";
import { conflict, fieldError, invalid, ok, refusalMessage, refused } from "../domain/outcome.ts";
import { answerRefusal, formRefusal, throwRefusal } from "./outcome.server.ts";
import { parseSubmission } from "./submission.server.ts";

const schema = z.object({ name: z.string(), password: z.string() });

function submission() {
  const form = new FormData();
  form.set("name", "Widget");
  form.set("password", "secret-value");
  return parseSubmission(form, { schema });
}

/** What a thrown refusal carries: its status and the sentence in its JSON body. */
async function thrown(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (!(error instanceof Response)) throw error;
    return { status: error.status, body: (await error.json()) as unknown };
  }
  throw new Error("nothing was thrown");
}

describe("outcomes", () => {
  it("build refusals with their status, field errors and sentences", () => {
    expect(ok({ id: "a" })).toEqual({ ok: true, value: { id: "a" } });
    expect(fieldError("name", "Taken.")).toEqual({
      ok: false,
      status: 400,
      fieldErrors: { name: ["Taken."] },
      formErrors: [],
    });
    expect(invalid({ name: ["Too long."] }, ["Check the form."])).toMatchObject({ status: 400 });
    expect(refused(404, "Gone.")).toEqual({ ok: false, status: 404, fieldErrors: {}, formErrors: ["Gone."] });
    expect(conflict("Ann got there first.", { by: "Ann" })).toMatchObject({ status: 409, conflict: { by: "Ann" } });
    expect(refusalMessage(fieldError("name", "Taken."))).toBe("Taken.");
    expect(refusalMessage(refused(409, "Locked."))).toBe("Locked.");
  });
});

describe("answerRefusal", () => {
  it("puts a 400 beside its fields and keeps the page's own action data", async () => {
    const answer = answerRefusal(fieldError("name", "Taken."), submission(), { intent: "update" });
    expect(answer.init?.status).toBe(400);
    expect(answer.data).toMatchObject({ intent: "update", conflict: null, result: { error: { name: ["Taken."] } } });
  });

  it("answers a 409 on the form with who got there first", () => {
    const answer = answerRefusal(conflict("Ann changed it.", { byName: "Ann" }), submission());
    expect(answer.init?.status).toBe(409);
    expect(answer.data).toMatchObject({ conflict: { byName: "Ann" }, result: { error: { "": ["Ann changed it."] } } });
  });

  it("never echoes the fields it is told to hide", () => {
    const answer = answerRefusal(refused(400, "Try again."), submission(), {}, { hideFields: ["password"] });
    expect(JSON.stringify(answer.data)).not.toContain("secret-value");
    expect(JSON.stringify(answer.data)).toContain("Widget");
  });

  it("throws 403 and 404 as the page's error with the sentence", async () => {
    expect(await thrown(() => answerRefusal(refused(403, "Only admins."), submission()))).toEqual({
      status: 403,
      body: { message: "Only admins." },
    });
    expect(await thrown(() => answerRefusal(refused(404, "No such thing."), submission()))).toEqual({
      status: 404,
      body: { message: "No such thing." },
    });
  });
});

describe("formRefusal and throwRefusal", () => {
  it("hand back 400/409 for a plain form, and throw any refusal for a button", async () => {
    expect(formRefusal(refused(409, "Locked."))).toMatchObject({ status: 409, formErrors: ["Locked."] });
    expect(await thrown(() => formRefusal(refused(404, "Gone.")))).toEqual({ status: 404, body: { message: "Gone." } });
    expect(await thrown(() => throwRefusal(refused(409, "Locked.")))).toEqual({
      status: 409,
      body: { message: "Locked." },
    });
  });
});
