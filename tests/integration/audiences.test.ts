import { describe, expect, it } from "vitest";
import { prisma } from "../../app/lib/db.server.ts";
import { audienceFor, type Audience, type AudienceReader } from "../../app/models/audience.server.ts";
import { iterateClaimsForExport } from "../../app/models/claims-table.server.ts";
import { listPayrollStatements } from "../../app/models/comp-statements.server.ts";
import { listDealsPage } from "../../app/models/deals.server.ts";
import { listQuestionBoard } from "../../app/models/engineer-questions.server.ts";
import { getAttemptPage } from "../../app/models/quiz-attempts.server.ts";
import { teamFiguresFor } from "../../app/models/quizzes.server.ts";
import { getSurveyOverview } from "../../app/models/surveys.server.ts";
import { loader as commentsLoader } from "../../app/routes/_app.customer-comments.tsx";
import type { ScopedPermission } from "../../app/domain/permissions.ts";
import { cookieFor, ORIGIN } from "./support/sign-in.ts";

// PRODUCT.md §2 down to the rows, with the demo data: Maya (sales@) reads her own rows, Priya
// (manager@) manages two teams, Marcus one, and the admin reads everything.

const readerByEmail = (email: string) =>
  prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, teamId: true } });

async function audienceOf(reader: AudienceReader, permission: ScopedPermission): Promise<Audience> {
  const audience = await audienceFor(reader, permission);
  if (!audience) throw new Error(`${reader.role} holds no ${permission}`);
  return audience;
}

/** The people whose rows a reader should see, worked out from the seed's teams, not from the app. */
async function expectedOwners(email: string): Promise<Set<string> | "everyone"> {
  const reader = await readerByEmail(email);
  if (reader.role === "ADMIN") return "everyone";
  if (reader.role === "SALES") return new Set([reader.id]);
  const managed = await prisma.teamManager.findMany({ where: { userId: reader.id }, select: { teamId: true } });
  const members = await prisma.user.findMany({
    where: { teamId: { in: managed.map((row) => row.teamId) } },
    select: { id: true },
  });
  return new Set(members.map((member) => member.id));
}

const ownerWhere = (owners: Set<string> | "everyone") => (owners === "everyone" ? {} : { in: [...owners] });

/** The owners of the rows a model returned must all be expected, and no expected row may be missing. */
function expectExactly(
  seenOwners: string[],
  seenCount: number,
  owners: Set<string> | "everyone",
  expectedCount: number,
) {
  expect(seenCount).toBeGreaterThan(0);
  expect(seenCount).toBe(expectedCount);
  if (owners !== "everyone") for (const owner of seenOwners) expect(owners.has(owner)).toBe(true);
}

const READERS = [
  ["a salesperson", "sales@candor.test"],
  ["a manager of two teams", "manager@candor.test"],
  ["a manager of one team", "marcus.bell@candor.test"],
  ["an admin", "admin@candor.test"],
] as const;

/** What a reader was shown of one kind of row: the owners of the rows, and the total the model counted. */
interface Reading {
  owners: string[];
  total: number;
}

/** Each kind of row: the permission that reads it, the model's reading, and the rows the seed has of some owners. */
const KINDS: ReadonlyArray<
  readonly [
    kind: string,
    permission: ScopedPermission,
    read: (audience: Audience) => Promise<Reading>,
    count: (owners: ReturnType<typeof ownerWhere>) => Promise<number>,
  ]
> = [
  [
    "claims",
    "read:claim",
    async (audience) => {
      const ids: string[] = [];
      for await (const batch of iterateClaimsForExport(audience, {}, { key: "madeAt", dir: "desc" }, 500)) {
        ids.push(...batch.map((row) => row[0] ?? ""));
      }
      const rows = await prisma.claim.findMany({ where: { id: { in: ids } }, select: { salespersonId: true } });
      return { owners: rows.map((row) => row.salespersonId), total: ids.length };
    },
    (owners) => prisma.claim.count({ where: { salespersonId: owners } }),
  ],
  [
    "surveys",
    "read:survey",
    async (audience) => {
      const overview = await getSurveyOverview(audience, new Date(), new Date(0));
      return {
        owners: overview.salespeople.filter((person) => person.counts.total > 0).map((person) => person.id),
        total: overview.all.total,
      };
    },
    (owners) => prisma.survey.count({ where: { salespersonId: owners } }),
  ],
  [
    "comp statements",
    "read:statement",
    async (audience) => {
      const period = await latestPeriodWithStatements();
      const statements = await listPayrollStatements(period.id, period.name, audience);
      const people = await prisma.user.findMany({
        where: { email: { in: statements.map((row) => row.email) } },
        select: { id: true },
      });
      return { owners: people.map((person) => person.id), total: statements.length };
    },
    async (owners) =>
      prisma.compStatement.count({ where: { periodId: (await latestPeriodWithStatements()).id, userId: owners } }),
  ],
  [
    "engineer questions",
    "read:question",
    async (audience) => {
      const board = await listQuestionBoard(audience, {});
      const ids = [...(board.open?.rows ?? []), ...(board.answered?.rows ?? [])].map((row) => row.id);
      const rows = await prisma.engineerQuestion.findMany({ where: { id: { in: ids } }, select: { askedById: true } });
      expect(board.open?.total ?? 0).toBeLessThan(100);
      return {
        owners: rows.map((row) => row.askedById),
        total: (board.open?.total ?? 0) + (board.answered?.total ?? 0),
      };
    },
    (owners) => prisma.engineerQuestion.count({ where: { askedById: owners } }),
  ],
  [
    "deals",
    "read:deal",
    async (audience) => {
      const page = await listDealsPage(audience, { q: "", status: null, page: 1, pageSize: 100_000 });
      const rows = await prisma.deal.findMany({
        where: { id: { in: page.rows.map((row) => row.id) } },
        select: { ownerId: true },
      });
      return { owners: rows.map((row) => row.ownerId), total: page.total };
    },
    (owners) => prisma.deal.count({ where: { ownerId: owners } }),
  ],
];

function latestPeriodWithStatements() {
  return prisma.compPeriod.findFirstOrThrow({ where: { statements: { some: {} } }, orderBy: { startsAt: "desc" } });
}

describe.each(READERS)("what %s reads", (_who, email) => {
  it.each(KINDS)("reads exactly the %s of their audience", async (_kind, permission, read, count) => {
    const [reader, owners] = await Promise.all([readerByEmail(email), expectedOwners(email)]);
    const seen = await read(await audienceOf(reader, permission));
    expectExactly(seen.owners, seen.total, owners, await count(ownerWhere(owners)));
  });
});

describe("deals", () => {
  it("gives a manager of several teams the rows of every one of them", async () => {
    const manager = await readerByEmail("manager@candor.test");
    const managed = await prisma.teamManager.findMany({ where: { userId: manager.id }, select: { teamId: true } });
    expect(managed.length).toBeGreaterThan(1);
    const page = await listDealsPage(await audienceOf(manager, "read:deal"), {
      q: "",
      status: null,
      page: 1,
      pageSize: 100_000,
    });
    const teams = await prisma.deal.findMany({
      where: { id: { in: page.rows.map((row) => row.id) } },
      select: { owner: { select: { teamId: true } } },
    });
    expect(new Set(teams.map((row) => row.owner.teamId))).toEqual(new Set(managed.map((row) => row.teamId)));
  });
});

describe("customer comments for engineers", () => {
  it("leaves the account, contact, salesperson and scores out of the loader's data", async () => {
    const request = new Request(`${ORIGIN}/customer-comments`, {
      headers: { cookie: await cookieFor("engineer@candor.test") },
    });
    const page = await commentsLoader({ request, params: {}, context: {} });
    expect(page.comments.length).toBeGreaterThan(0);
    const surveys = await prisma.survey.findMany({
      where: { id: { in: page.comments.map((comment) => comment.surveyId) } },
      select: {
        id: true,
        leastLiked: true,
        csat: true,
        nps: true,
        salesperson: { select: { name: true, email: true } },
        deal: {
          select: {
            contactName: true,
            contactEmail: true,
            account: { select: { name: true } },
            product: { select: { name: true } },
          },
        },
      },
    });
    const sent = JSON.stringify(page);
    for (const survey of surveys) {
      for (const secret of [
        survey.deal.account.name,
        survey.deal.contactName,
        survey.deal.contactEmail,
        survey.salesperson.name,
        survey.salesperson.email,
      ]) {
        expect(sent).not.toContain(secret);
      }
    }
    for (const comment of page.comments) {
      expect(Object.keys(comment).sort()).toEqual([
        "attachedTo",
        "capabilities",
        "product",
        "respondedAt",
        "surveyId",
        "text",
      ]);
    }
    expect(sent).not.toMatch(/"(csat|nps|deliveredAsPromised|account|contact\w*|salesperson)"/);
    // What the page is for is still there: the words, the product and the date.
    const first = page.comments[0];
    const source = surveys.find((survey) => survey.id === first?.surveyId);
    expect(source?.leastLiked).toBe(first?.text);
    expect(source?.deal.product?.name).toBe(first?.product);
    expect(first?.respondedAt).toBeInstanceOf(Date);
  });
});

describe("quiz attempts", () => {
  it("opens a salesperson's submitted attempt to them, their team's manager and admins only", async () => {
    const maya = await readerByEmail("sales@candor.test");
    const attempt = await prisma.quizAttempt.findFirstOrThrow({
      where: { userId: maya.id, submittedAt: { not: null } },
      select: { id: true, quizId: true },
    });
    const ids = { quizId: attempt.quizId, attemptId: attempt.id };
    const opens = async (email: string) => {
      const viewer = await readerByEmail(email);
      return (await getAttemptPage({ actorId: viewer.id, requestId: null, ip: null }, viewer, ids)) !== null;
    };
    expect(await opens("sales@candor.test")).toBe(true);
    expect(await opens("manager@candor.test")).toBe(true);
    expect(await opens("admin@candor.test")).toBe(true);
    expect(await opens("marcus.bell@candor.test")).toBe(false);
    expect(await opens("engineer@candor.test")).toBe(false);
    expect(await opens("overpromiser@candor.test")).toBe(false);
  });

  it("gives quiz team figures for a manager's teams, every team for an admin, and none to engineers", async () => {
    const figuresTeams = async (email: string) => {
      const figures = await teamFiguresFor(await readerByEmail(email));
      return figures === null ? null : new Set(figures.map((row) => row.teamId));
    };
    const manager = await readerByEmail("manager@candor.test");
    const managed = await prisma.teamManager.findMany({ where: { userId: manager.id }, select: { teamId: true } });
    expect(await figuresTeams("manager@candor.test")).toEqual(new Set(managed.map((row) => row.teamId)));
    expect((await figuresTeams("admin@candor.test"))?.size).toBe(
      await prisma.team.count({ where: { members: { some: { role: "SALES" } } } }),
    );
    expect(await figuresTeams("engineer@candor.test")).toBeNull();
    expect(await figuresTeams("sales@candor.test")).toBeNull();
  });
});

describe("the audience of one request", () => {
  it("keeps one answer for a signed-in user object and sees a change of managers on the next", async () => {
    const manager = await readerByEmail("marcus.bell@candor.test");
    const before = await audienceOf(manager, "read:claim");
    const other = await prisma.team.findFirstOrThrow({
      where: { managers: { none: { userId: manager.id } } },
      select: { id: true },
    });
    await prisma.teamManager.create({ data: { teamId: other.id, userId: manager.id } });
    try {
      expect(await audienceOf(manager, "read:survey")).toEqual(before);
      const next = await audienceOf(await readerByEmail("marcus.bell@candor.test"), "read:survey");
      expect(next).toEqual({
        kind: "teams",
        teamIds: expect.arrayContaining([...(before.kind === "teams" ? before.teamIds : []), other.id]),
      });
    } finally {
      await prisma.teamManager.delete({ where: { teamId_userId: { teamId: other.id, userId: manager.id } } });
    }
  });
});
