import { expect } from "vitest";
import { addDays } from "../../../app/domain/dates.ts";
import { prisma } from "../../../app/lib/db.server.ts";
import { action as outboxAction } from "../../../app/routes/_app.surveys.outbox.tsx";
import { action as surveyAction, loader as surveyLoader } from "../../../app/routes/survey.$token.tsx";
import { post } from "./requests.ts";
import { ORIGIN, settle } from "./sign-in.ts";

// A customer survey from the deal to the answer: a WON deal whose survey is due, its link from the
// outbox, and the customer's browser opening and answering it (no sign-in, one address each).

const stamp = Date.now().toString(36).toUpperCase();
let sequence = 0;

export interface DueSurveyOptions {
  /** The salesperson who owns the deal (default sales@candor.test). */
  owner?: string;
  /** The deal's product by slug, or null for none (default ledgerline). */
  product?: string | null;
  /** How many days ago the survey came due (default 5). */
  daysAgo?: number;
  /** When the deal closed (default six months before the survey came due). */
  closedAt?: Date;
}

/** A new account's WON deal with its survey, due `daysAgo` days ago. */
export async function dueSurvey({
  owner = "sales@candor.test",
  product = "ledgerline",
  daysAgo = 5,
  closedAt,
}: DueSurveyOptions = {}) {
  const ownerRow = await prisma.user.findUniqueOrThrow({ where: { email: owner } });
  const productRow = product ? await prisma.product.findUniqueOrThrow({ where: { slug: product } }) : null;
  const number = ++sequence;
  const externalId = `SURVEYED-${stamp}-${number}`;
  const account = await prisma.account.create({ data: { name: `Surveyed Co ${externalId}` } });
  const dueAt = addDays(new Date(), -daysAgo);
  const deal = await prisma.deal.create({
    data: {
      externalId,
      accountId: account.id,
      contactName: "Dana Customer",
      contactEmail: `dana.${number}@customer.example`,
      ownerId: ownerRow.id,
      productId: productRow?.id ?? null,
      amountCents: 500_000,
      status: "WON",
      closedAt: closedAt ?? addDays(dueAt, -182),
      survey: { create: { salespersonId: ownerRow.id, dueAt } },
    },
    include: { survey: true },
  });
  if (!deal.survey) throw new Error("the deal was stored without its survey");
  return {
    externalId,
    dealId: deal.id,
    surveyId: deal.survey.id,
    closedAt: deal.closedAt,
    accountName: account.name,
    ownerId: ownerRow.id,
    productId: productRow?.id ?? null,
  };
}

/** A form posted to the survey outbox as `email`: what the action answered, or the refusal it threw. */
export function outboxPost(email: string, fields: Record<string, string>) {
  return settle(async () =>
    outboxAction({ request: await post(email, "/surveys/outbox", fields), params: {}, context: {} }),
  );
}

/** A new link to the survey from the outbox ("Create link", by a manager unless told): its token. */
export async function surveyToken(surveyId: string, email = "manager@candor.test"): Promise<string> {
  const result = (await outboxPost(email, { intent: "create-link", surveyId })) as { kind: string; url: string };
  expect(result.kind).toBe("link");
  const token = result.url.replace(`${ORIGIN}/survey/`, "");
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return token;
}

/** The customer's browser opening the survey page: what the loader answered, or its refusal. */
export function openSurvey(token: string, search = "") {
  return settle(() =>
    surveyLoader({ request: new Request(`${ORIGIN}/survey/${token}${search}`), params: { token }, context: {} }),
  );
}

let clients = 0;
/**
 * The customer's browser posting the survey form, with or without JavaScript (the same form post),
 * from an address of its own unless one is given: responses are rate-limited per address.
 */
export function answerSurvey(
  token: string,
  fields: Record<string, string>,
  ip = `198.51.100.${(++clients % 250) + 1}`,
) {
  return settle(() =>
    surveyAction({
      request: new Request(`${ORIGIN}/survey/${token}`, {
        method: "POST",
        headers: { "x-candor-client-ip": ip },
        body: new URLSearchParams(fields),
      }),
      params: { token },
      context: {},
    }),
  );
}
