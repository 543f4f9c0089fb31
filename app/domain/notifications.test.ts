import { describe, expect, it } from "vitest";
import {
  addressed,
  candidatesNotice,
  claimsPastTargetNotice,
  DIGEST_LISTED,
  digestDay,
  digestEmail,
  digestHourReached,
  disputeOpenedNotice,
  disputeResolvedNotice,
  excerpt,
  isDigestDue,
  MAX_DIGEST_ATTEMPTS,
  nextDigestTry,
  notificationKindLabel,
  NOTIFICATION_KINDS,
  questionAnsweredNotice,
  quizNotice,
  surveyNotDeliveredNotice,
  verdictNotice,
  type DigestItem,
} from "./notifications.ts";
import type { ClaimStatus, Severity } from "./levels.ts";
import { permissionScope, ROLES } from "./permissions.ts";
import type { QuizDueReason } from "./quiz-rules.ts";

const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ENUM_CODE =
  /\b(PENDING|ACCURATE|PARTIALLY_ACCURATE|INACCURATE|UNVERIFIABLE|HIGH|MEDIUM|LOW|UPHELD|OVERTURNED|REQUIRED_NOT_PASSED|NOT_ATTEMPTED|CERTIFICATION_EXPIRING)\b/;

const claim = {
  claimId: "c1",
  accountName: "Northwind",
  statement: "Our Excel export works with Excel 2003 and every later version.",
  capabilityTitle: "Excel export",
};

describe("the inbox's vocabulary", () => {
  it("has a plain label for every kind and a neutral one for a kind it does not know", () => {
    for (const kind of NOTIFICATION_KINDS) expect(notificationKindLabel(kind)).toMatch(/^[A-Z][a-z ]+[a-z]$/);
    expect(notificationKindLabel("SOMETHING_NEW")).toBe("Notice");
  });

  it("everyone reads their own inbox, and nobody anyone else's (PRODUCT.md §2)", () => {
    for (const role of ROLES) expect(permissionScope({ role }, "read:notification")).toBe("own");
  });

  it("cuts long quotations at a word, with an ellipsis", () => {
    expect(excerpt("short")).toBe("short");
    expect(excerpt("  spaced \n out  ")).toBe("spaced out");
    const cut = excerpt("one two three four five six seven eight nine ten", 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut).toBe("one two three four…");
  });

  it("addresses a notice once per person", () => {
    const drafts = addressed(claimsPastTargetNotice({ count: 2, oldestWorkingDays: 5, day: "2026-12-03" }), [
      "a",
      "b",
      "a",
    ]);
    expect(drafts.map((draft) => draft.userId)).toEqual(["a", "b"]);
  });
});

describe("each event's sentence", () => {
  it("a verdict names the judge, the claim and the verdict in words, and points at the claim", () => {
    const notice = verdictNotice({ ...claim, status: "INACCURATE", severity: "HIGH", verifierName: "Priya Shah" });
    expect(notice).toMatchObject({ kind: "VERDICT", href: "/claims/c1", dedupeKey: "verdict:c1" });
    expect(notice.text).toBe(
      "Priya Shah judged your claim to Northwind about Excel export (“Our Excel export works with Excel 2003 and every later…”): Inaccurate (high severity).",
    );
    expect(
      verdictNotice({
        ...claim,
        capabilityTitle: null,
        status: "UNVERIFIABLE",
        severity: null,
        verifierName: "Priya Shah",
      }).text,
    ).toMatch(/to Northwind \(“.*: Unverifiable\.$/);
  });

  it("a dispute opened quotes the reason for the managers and points at the dispute queue", () => {
    const notice = disputeOpenedNotice({
      ...claim,
      disputeId: "d1",
      salespersonName: "Maya Chen",
      reason: "The customer only uses xlsx.",
    });
    expect(notice).toEqual({
      kind: "DISPUTE_OPENED",
      text: "Maya Chen disputes the verdict on a claim to Northwind: “The customer only uses xlsx.”",
      href: "/disputes",
      dedupeKey: "dispute-opened:d1",
    });
  });

  it("a dispute resolved says whether the verdict stands or what replaced it", () => {
    const resolved = (outcome: "UPHELD" | "OVERTURNED", newStatus: ClaimStatus | null, newSeverity: Severity | null) =>
      disputeResolvedNotice({ ...claim, disputeId: "d1", outcome, resolverName: "Sam Lee", newStatus, newSeverity });
    const upheld = resolved("UPHELD", null, null);
    expect(upheld.text).toMatch(/^Sam Lee upheld the verdict: it stands on your claim to Northwind/);
    const overturned = resolved("OVERTURNED", "PARTIALLY_ACCURATE", "LOW");
    expect(overturned.text).toMatch(
      /^Sam Lee overturned the verdict: it is now Partially accurate \(low severity\) on your claim/,
    );
    expect(overturned).toMatchObject({ href: "/claims/c1", dedupeKey: "dispute-resolved:d1" });
  });

  it("an answer, candidate claims and an unhappy customer each point at their page", () => {
    expect(
      questionAnsweredNotice({
        questionId: "q1",
        question: "Does the export do xls?",
        answererName: "Priya Shah",
        capabilityUpdated: true,
      }),
    ).toEqual({
      kind: "QUESTION_ANSWERED",
      text: "Priya Shah answered your question “Does the export do xls?” and updated the capability matrix.",
      href: "/ask/q1",
      dedupeKey: "answer:q1",
    });
    expect(
      candidatesNotice({
        conversationId: "v1",
        count: 1,
        accountName: "Northwind",
        importerName: "Sam Lee",
        decisionDays: 7,
      }).text,
    ).toBe("Sam Lee imported a conversation with Northwind: 1 possible claim to confirm or dismiss within 7 days.");
    const facts = { surveyId: "s1", salespersonId: "u1", salespersonName: "Maya Chen", accountName: "Northwind" };
    expect(surveyNotDeliveredNotice({ ...facts, forSalesperson: true }).text).toBe(
      "The customer at Northwind (your deal) says the product did not do what they were told.",
    );
    expect(surveyNotDeliveredNotice({ ...facts, forSalesperson: false })).toMatchObject({
      text: "The customer at Northwind (Maya Chen's deal) says the product did not do what they were told.",
      href: "/people/u1",
      dedupeKey: "survey-no:s1",
    });
  });

  it("a quiz notice is keyed by the lapse it is about, so the scan says it once per lapse", () => {
    const until = new Date("2026-12-10T09:00:00Z");
    const notice = (reason: QuizDueReason, certifiedUntil: Date | null, title = "Ledgerline basics") =>
      quizNotice({ quizId: "z1", title, reason, certifiedUntil });
    const expiring = notice("CERTIFICATION_EXPIRING", until);
    expect(expiring).toMatchObject({
      kind: "CERTIFICATION_EXPIRING",
      href: "/quizzes/z1",
      dedupeKey: "certification-expiring:z1:2026-12-10",
    });
    expect(expiring.text).toContain("runs out on 10 Dec 2026");
    const lapsed = notice("REQUIRED_NOT_PASSED", until);
    expect(lapsed).toMatchObject({ kind: "QUIZ_DUE", dedupeKey: "quiz-due:z1:2026-12-10" });
    expect(lapsed.text).toContain("ran out on 10 Dec 2026");
    const never = notice("REQUIRED_NOT_PASSED", null);
    expect(never.dedupeKey).toBe("quiz-due:z1:never");
    // A later certification that runs out again is a new lapse, with a new key.
    expect(notice("CERTIFICATION_EXPIRING", new Date("2027-06-08T09:00:00Z"), "x").dedupeKey).not.toBe(
      expiring.dedupeKey,
    );
  });

  it("claims past target: one notice per day, counted in words", () => {
    expect(claimsPastTargetNotice({ count: 1, oldestWorkingDays: 4, day: "2026-12-03" }).text).toBe(
      "1 claim is past the 3-working-day verification target; the oldest has waited 4 working days.",
    );
    expect(claimsPastTargetNotice({ count: 12, oldestWorkingDays: 1, day: "2026-12-03" })).toMatchObject({
      text: "12 claims are past the 3-working-day verification target; the oldest has waited 1 working day.",
      href: "/verify",
      dedupeKey: "claims-past-target:2026-12-03",
    });
  });

  it("no sentence carries an enum code or an ISO timestamp", () => {
    const texts = [
      verdictNotice({ ...claim, status: "PARTIALLY_ACCURATE", severity: "MEDIUM", verifierName: "P" }).text,
      disputeResolvedNotice({
        ...claim,
        disputeId: "d",
        outcome: "OVERTURNED",
        resolverName: "S",
        newStatus: "ACCURATE",
        newSeverity: "LOW",
      }).text,
      quizNotice({
        quizId: "z",
        title: "Q",
        reason: "CERTIFICATION_EXPIRING",
        certifiedUntil: new Date("2026-12-10T09:00:00Z"),
      }).text,
      quizNotice({ quizId: "z", title: "Q", reason: "NOT_ATTEMPTED", certifiedUntil: null }).text,
    ];
    for (const text of texts) {
      expect(text).not.toMatch(ENUM_CODE);
      expect(text).not.toMatch(ISO_TIMESTAMP);
    }
  });
});

describe("the digest's timing", () => {
  const at = new Date("2026-12-03T07:30:00Z");

  it("belongs to the UTC day, and may go out from the configured hour", () => {
    expect(digestDay(new Date("2026-12-03T23:59:59Z"))).toBe("2026-12-03");
    expect(digestHourReached(new Date("2026-12-03T06:59:59Z"), 7)).toBe(false);
    expect(digestHourReached(new Date("2026-12-03T07:00:00Z"), 7)).toBe(true);
    expect(digestHourReached(new Date("2026-12-03T00:00:00Z"), 0)).toBe(true);
  });

  it("is due only for an active user who chose it, has something unread and has none claimed today", () => {
    const due = { active: true, emailDigest: true, unread: 3, claimedToday: false };
    expect(isDigestDue(due, at, 7)).toBe(true);
    expect(isDigestDue({ ...due, active: false }, at, 7)).toBe(false);
    expect(isDigestDue({ ...due, emailDigest: false }, at, 7)).toBe(false);
    expect(isDigestDue({ ...due, unread: 0 }, at, 7)).toBe(false);
    expect(isDigestDue({ ...due, claimedToday: true }, at, 7)).toBe(false);
    expect(isDigestDue(due, at, 8)).toBe(false);
  });

  it("retries a failed send after 5 minutes, 30 minutes and 2 hours, then gives up", () => {
    const minutesAfter = (attempts: number) => {
      const next = nextDigestTry(attempts, at);
      return next === null ? null : (next.getTime() - at.getTime()) / 60_000;
    };
    expect([1, 2, 3].map(minutesAfter)).toEqual([5, 30, 120]);
    expect(minutesAfter(MAX_DIGEST_ATTEMPTS)).toBeNull();
    expect(minutesAfter(MAX_DIGEST_ATTEMPTS + 1)).toBeNull();
  });
});

describe("the digest email", () => {
  const item = (n: number, extra: Partial<DigestItem> = {}): DigestItem => ({
    kind: "VERDICT",
    text: `Notification number ${n}`,
    href: `/claims/c${n}`,
    createdAt: new Date("2026-12-02T10:00:00Z"),
    ...extra,
  });

  it("lists each unread notification with its link on Candor's address", () => {
    const email = digestEmail({
      name: "Maya Chen",
      origin: "https://candor.example.com/",
      unread: 2,
      items: [item(1), item(2)],
    });
    expect(email.subject).toBe("Candor: 2 unread notifications");
    expect(email.text).toContain("Hello Maya Chen,");
    expect(email.text).toContain("- Notification number 1 (2 Dec 2026)\n  https://candor.example.com/claims/c1");
    expect(email.text).toContain("Your inbox: https://candor.example.com/inbox");
    expect(email.html).toContain('<a href="https://candor.example.com/claims/c2">Notification number 2</a>');
    expect(email.text).not.toMatch(ISO_TIMESTAMP);
  });

  it("lists the newest few and counts the rest", () => {
    const items = Array.from({ length: DIGEST_LISTED + 5 }, (_, index) => item(index));
    const email = digestEmail({ name: "Maya", origin: "https://c.example", unread: 31, items });
    expect(email.text.match(/^- /gm)).toHaveLength(DIGEST_LISTED);
    expect(email.text).toContain(`…and 11 more notifications in your inbox.`);
    expect(digestEmail({ name: "Maya", origin: "https://c.example", unread: 1, items: [item(1)] }).subject).toBe(
      "Candor: 1 unread notification",
    );
  });

  it("escapes what it quotes in HTML and links only to Candor's own pages", () => {
    const email = digestEmail({
      name: "<Maya>",
      origin: "https://c.example",
      unread: 2,
      items: [
        item(1, { text: `Customer said "<script>alert(1)</script>" & left` }),
        item(2, { href: "https://evil.example/phish" }),
      ],
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.html).toContain("Hello &lt;Maya&gt;");
    expect(email.html).not.toContain("evil.example");
    expect(email.text).not.toContain("evil.example");
    expect(email.text).toContain("https://c.example/inbox");
  });
});
