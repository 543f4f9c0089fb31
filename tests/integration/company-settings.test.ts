import { describe, expect, it } from "vitest";
import { prisma } from "../../app/lib/db.server.ts";
import { auditContextFrom } from "../../app/models/audit.server.ts";
import { getCompanyName, getCompanyNameSetting } from "../../app/models/settings.server.ts";
import { createSurveyLink } from "../../app/models/survey-links.server.ts";
import { action as settingsAction, loader as settingsLoader } from "../../app/routes/_app.admin.settings.tsx";
import { refusalOf } from "./support/refusal.ts";
import { cookieFor, ORIGIN, settle } from "./support/sign-in.ts";
import { dueSurvey, openSurvey } from "./support/surveys.ts";

// The company's name (/admin/settings): admins only, one line of 1–80 characters, audited, and
// shown to the customer on the survey page with the product and the salesperson's first name.

async function load(email: string | null) {
  const headers: HeadersInit = email ? { cookie: await cookieFor(email) } : {};
  return settle(() =>
    settingsLoader({ request: new Request(`${ORIGIN}/admin/settings`, { headers }), params: {}, context: {} }),
  );
}

async function save(email: string | null, fields: Record<string, string>) {
  const headers: HeadersInit = email ? { cookie: await cookieFor(email) } : {};
  return settle(() =>
    settingsAction({
      request: new Request(`${ORIGIN}/admin/settings`, { method: "POST", headers, body: new URLSearchParams(fields) }),
      params: {},
      context: {},
    }),
  );
}

function fieldErrors(outcome: unknown): Record<string, string[] | null> | undefined {
  const reply = outcome as {
    data?: { result?: { error?: Record<string, string[] | null> } };
    init?: { status?: number };
  };
  return reply.data?.result?.error;
}

const settingEvents = () =>
  prisma.auditEvent.findMany({ where: { action: "settings.update", entityType: "Setting" }, orderBy: { at: "asc" } });

describe("/admin/settings", () => {
  it("shows the demo's company name to an admin", async () => {
    const page = (await load("admin@candor.test")) as Awaited<ReturnType<typeof settingsLoader>>;
    expect(page.companyName.value).toBe("Brightwater Software");
  });

  it("is refused to every other role, reading and writing, and sends a visitor to sign in", async () => {
    for (const email of ["sales@candor.test", "engineer@candor.test", "manager@candor.test"]) {
      expect(await refusalOf(await load(email)), email).toMatchObject({
        status: 403,
        message: "Only admins can change the company settings.",
      });
      expect(await refusalOf(await save(email, { companyName: "Hijacked Ltd" })), email).toMatchObject({ status: 403 });
    }
    const anonymous = await load(null);
    expect(anonymous).toHaveRedirect(/^\/login\?redirectTo=/);
    expect(await getCompanyName()).toBe("Brightwater Software");
  });

  it("answers a missing, blank, over-long or multi-line name with a field error and stores nothing", async () => {
    const before = (await settingEvents()).length;
    const cases: Array<[Record<string, string>, string]> = [
      [{}, "Enter the company's name."],
      [{ companyName: "   " }, "Enter the company's name."],
      [{ companyName: "x".repeat(81) }, "Use at most 80 characters."],
      [{ companyName: "Acme\nRobotics" }, "Use letters, digits and punctuation only, on one line."],
    ];
    for (const [fields, message] of cases) {
      const outcome = await save("admin@candor.test", fields);
      expect((outcome as { init?: { status?: number } }).init?.status).toBe(400);
      expect(fieldErrors(outcome)?.companyName).toEqual([message]);
    }
    // The over-long value is never echoed back into the form.
    const overLong = (await save("admin@candor.test", { companyName: "y".repeat(81) })) as {
      data: { result: { initialValue?: Record<string, unknown> } };
    };
    expect(JSON.stringify(overLong.data.result.initialValue ?? {})).not.toContain("y".repeat(81));
    expect(await getCompanyName()).toBe("Brightwater Software");
    expect(await settingEvents()).toHaveLength(before);
  });

  it("saves a name of up to 80 characters, trimmed, with one audit row of before and after; saving it again writes nothing", async () => {
    const name = `  ${"Northwind Analytics ".padEnd(80, "x")}  `;
    const saved = await save("admin@candor.test", { companyName: name });
    expect(saved).toHaveRedirect("/admin/settings");
    expect(await getCompanyName()).toBe(name.trim());
    const events = await settingEvents();
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@candor.test" } });
    expect(events.at(-1)).toMatchObject({ actorId: admin.id, entityId: "companyName" });
    expect(JSON.parse(events.at(-1)?.beforeJson ?? "{}")).toEqual({ companyName: "Brightwater Software" });
    expect(JSON.parse(events.at(-1)?.afterJson ?? "{}")).toEqual({ companyName: name.trim() });

    await save("admin@candor.test", { companyName: name.trim() });
    expect(await settingEvents()).toHaveLength(events.length);

    await save("admin@candor.test", { companyName: "Brightwater Software" });
    expect((await getCompanyNameSetting()).value).toBe("Brightwater Software");
  });
});

describe("the survey page says who is asking", () => {
  it("names the company, the product and the salesperson's first name — and falls back to plain words without a company name", async () => {
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@candor.test" } });
    const { surveyId } = await dueSurvey({ owner: "overpromiser@candor.test", product: "relay", daysAgo: 3 });
    const link = await createSurveyLink(auditContextFrom(new Request(ORIGIN), admin.id), surveyId, null);
    const token = link?.path.replace("/survey/", "") ?? "";

    expect(await openSurvey(token)).toMatchObject({
      data: { kind: "open", companyName: "Brightwater Software", productName: "Relay", salespersonFirstName: "Brad" },
      init: { headers: { "Referrer-Policy": "no-referrer" } },
    });
    // The page never names the salesperson in full, nor shows anything of the deal beyond the product.
    expect(JSON.stringify(await openSurvey(token))).not.toContain("Kessler");

    await prisma.setting.delete({ where: { key: "companyName" } });
    expect(await openSurvey(token)).toMatchObject({ data: { kind: "open", companyName: null, productName: "Relay" } });
    expect(await getCompanyName()).toBe("our company");
    await prisma.setting.create({ data: { key: "companyName", value: "Brightwater Software" } });
  });
});
