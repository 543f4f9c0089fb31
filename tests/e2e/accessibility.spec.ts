import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { newSurveyLink, signInAs, type DEMO_ACCOUNTS } from "./fixtures.ts";

// Accessibility and width acceptance: every main page of each role (PRODUCT.md §3) and the
// public survey page, at a phone width and a desktop width, has no axe violation of impact
// serious or critical and is never wider than the window. Full-page screenshots at both widths
// are attached for the pages PRODUCT.md §8 added or reshaped (SCREENSHOTS below; every page with
// A11Y_SCREENSHOTS=all), kept in the HTML report (playwright-report/e2e-<port>/).

// Two axe runs (and maybe two screenshots) per page: more than the default 30 s on a busy machine. The
// pages are independent, so `--workers=2` may check them side by side.
test.describe.configure({ mode: "parallel", timeout: 90_000 });

/** The pages whose screenshots the report keeps: the inbox, the dispute queue, the company settings, the claims table and a claim's history, and the survey page. */
const SCREENSHOTS = new Set(["inbox", "disputes", "company settings", "my claims", "a claim", "survey"]);
const screenshotAll = process.env.A11Y_SCREENSHOTS === "all";

const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
] as const;

// WCAG 2.0/2.1 A and AA, and WCAG 2.2 AA (target size).
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const BLOCKING_IMPACTS = new Set(["serious", "critical"]);

type Role = keyof typeof DEMO_ACCOUNTS;

/** The first link inside `main` on the page `from` whose path matches `link`. */
interface Reach {
  from: string | Reach;
  link: RegExp;
}

interface MainPage {
  name: string;
  at: string | Reach | ((page: Page) => Promise<string>);
}

const claim = { from: "/claims", link: /^\/claims\/(?!new$)[^/]+$/ };
const product = { from: "/capabilities", link: /^\/capabilities\/[^/]+$/ };
const capability = { from: product, link: /^\/capabilities\/[^/]+\/(?!spec-sheet\.)[^/]+$/ };
const conversation = { from: "/conversations", link: /^\/conversations\/(?!import$)[^/]+$/ };
const question = { from: "/ask", link: /^\/ask\/[^/]+$/ };
const quiz = { from: "/quizzes", link: /^\/quizzes\/(?!new$)[^/]+$/ };
const compPeriod = { from: "/comp", link: /^\/comp\/[^/]+$/ };

// Each page once: a page that looks the same to several roles (the matrix, conversations, the
// audit log, a period) is checked for the first role that has it in its main flow.
const MAIN_PAGES: Record<"sales" | "engineer" | "manager" | "admin", MainPage[]> = {
  sales: [
    { name: "home", at: "/home" },
    { name: "capability matrix", at: "/capabilities" },
    { name: "a product's matrix", at: product },
    { name: "a capability", at: capability },
    { name: "my claims", at: "/claims" },
    { name: "a claim", at: claim },
    { name: "log a claim", at: "/claims/new" },
    { name: "conversations", at: "/conversations" },
    { name: "a conversation", at: conversation },
    { name: "import a conversation", at: "/conversations/import" },
    { name: "ask an engineer", at: "/ask" },
    { name: "a question", at: question },
    { name: "quizzes", at: "/quizzes" },
    { name: "a quiz", at: quiz },
    {
      name: "a quiz result",
      at: { from: { from: "/quizzes", link: /^\/quizzes\/[^/]+$/ }, link: /^\/quizzes\/[^/]+\/attempts\/[^/]+$/ },
    },
    { name: "compensation", at: "/comp" },
    { name: "my statement", at: { from: "/comp", link: /^\/comp\/[^/]+\/[^/]+$/ } },
    { name: "inbox", at: "/inbox" },
  ],
  engineer: [
    { name: "home", at: "/engineering" },
    { name: "verification queue", at: "/verify" },
    { name: "a claim to verify", at: { from: "/verify", link: /^\/claims\/[^/]+$/ } },
    { name: "a question to answer", at: question },
    { name: "a quiz attempt in progress", at: startPracticeAttempt },
    { name: "quiz statistics", at: { from: "/quizzes", link: /^\/quizzes\/[^/]+\/stats$/ } },
    { name: "new quiz", at: "/quizzes/new" },
    { name: "edit a quiz", at: { from: "/quizzes", link: /^\/quizzes\/[^/]+\/edit$/ } },
    { name: "question bank", at: "/question-bank" },
    { name: "a bank question", at: { from: "/question-bank", link: /^\/question-bank\/(?!new$)[^/]+$/ } },
    { name: "new bank question", at: "/question-bank/new" },
    { name: "customer comments", at: "/customer-comments" },
    { name: "inbox", at: "/inbox" },
  ],
  manager: [
    { name: "dashboard", at: "/dashboard" },
    { name: "scorecard", at: "/dashboard/scorecard" },
    { name: "a salesperson", at: { from: "/dashboard/scorecard", link: /^\/people\/[^/]+$/ } },
    { name: "claims", at: "/claims" },
    { name: "a claim", at: claim },
    { name: "log an observed claim", at: "/claims/new" },
    { name: "disputes", at: "/disputes" },
    { name: "deals", at: "/deals" },
    { name: "import deals", at: "/deals/import" },
    { name: "surveys", at: "/surveys" },
    { name: "survey outbox", at: "/surveys/outbox" },
    { name: "import survey results", at: "/surveys/import" },
    { name: "compensation", at: "/comp" },
    { name: "a period", at: compPeriod },
    { name: "a statement", at: { from: compPeriod, link: /^\/comp\/[^/]+\/(?!payroll\.csv$)[^/]+$/ } },
    { name: "audit log", at: "/audit" },
    { name: "inbox", at: "/inbox" },
  ],
  admin: [
    { name: "dashboard", at: "/dashboard" },
    { name: "users", at: "/admin/users" },
    { name: "a user", at: { from: "/admin/users", link: /^\/admin\/users\/[^/]+$/ } },
    { name: "teams", at: "/admin/teams" },
    { name: "a team", at: { from: "/admin/teams", link: /^\/admin\/teams\/[^/]+$/ } },
    { name: "products", at: "/admin/products" },
    { name: "a product", at: { from: "/admin/products", link: /^\/admin\/products\/[^/]+$/ } },
    { name: "comp plan", at: "/admin/plan" },
    { name: "API tokens", at: "/admin/api-tokens" },
    { name: "company settings", at: "/admin/settings" },
    { name: "inbox", at: "/inbox" },
  ],
};

/** An engineer's attempts are practice (PRODUCT.md §2): starting one changes no one's figures. */
async function startPracticeAttempt(page: Page): Promise<string> {
  const quizPath = await resolve(page, quiz);
  await open(page, quizPath);
  const resume = page.getByRole("link", { name: "Continue your attempt" });
  if (await resume.count()) await resume.click();
  else await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/quizzes\/[^/]+\/attempts\/[^/]+$/);
  return new URL(page.url()).pathname;
}

async function open(page: Page, path: string) {
  const response = await page.goto(path, { waitUntil: "networkidle" });
  expect(response?.status(), `${path} answers 200`).toBe(200);
}

async function resolve(page: Page, at: MainPage["at"]): Promise<string> {
  if (typeof at === "string") return at;
  if (typeof at === "function") return at(page);
  const from = await resolve(page, at.from);
  await open(page, from);
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const found = hrefs.map((href) => new URL(href, "http://x").pathname).find((path) => at.link.test(path));
  if (!found) throw new Error(`No link matching ${at.link} on ${from}`);
  return found;
}

interface Finding {
  width: number;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

async function axeFindings(page: Page, width: number): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ""))
    .map((violation) => ({
      width,
      rule: violation.id,
      impact: violation.impact ?? "",
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}

/**
 * When the page is wider than the window: the outermost elements that stick out and that no
 * scroll box clips (an absolutely positioned element is clipped only by a box at or above its
 * containing block), to say what to fix.
 */
async function overflowingElements(
  page: Page,
): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth <= innerWidth) return { scrollWidth, innerWidth, culprits };

    const name = (element: Element) =>
      element.tagName.toLowerCase() +
      (element.id ? `#${element.id}` : "") +
      [...element.classList].map((c) => `.${c}`).join("");
    const clips = (element: Element) => getComputedStyle(element).overflowX !== "visible";
    const isClipped = (element: Element) => {
      const position = getComputedStyle(element).position;
      if (position === "fixed") return false;
      let ancestor = element.parentElement;
      if (position === "absolute") {
        while (ancestor && getComputedStyle(ancestor).position === "static") ancestor = ancestor.parentElement;
      }
      for (; ancestor && ancestor !== document.documentElement; ancestor = ancestor.parentElement) {
        if (ancestor !== document.body && clips(ancestor)) return true;
      }
      return false;
    };
    const sticksOut = (element: Element) =>
      element.getBoundingClientRect().right > innerWidth + 0.5 && !isClipped(element);
    const outermost = new Set<Element>();
    for (const element of document.body.querySelectorAll("*")) {
      if (!sticksOut(element)) continue;
      let ancestor = element.parentElement;
      while (ancestor && ancestor !== document.body && !outermost.has(ancestor)) ancestor = ancestor.parentElement;
      if (ancestor && ancestor !== document.body) continue;
      outermost.add(element);
      const parent = element.parentElement;
      const text = (element.textContent ?? "").trim().slice(0, 40);
      culprits.push(
        `${parent ? `${name(parent)} > ` : ""}${name(element)} "${text}" (right edge ${Math.round(element.getBoundingClientRect().right)} px)`,
      );
      if (culprits.length >= 5) break;
    }
    return { scrollWidth, innerWidth, culprits };
  });
}

async function checkPage(page: Page, path: string, testInfo: TestInfo, { screenshots }: { screenshots: boolean }) {
  const problems: string[] = [];
  const findings: Finding[] = [];
  for (const [index, size] of WIDTHS.entries()) {
    await page.setViewportSize(size);
    if (index === 0) await open(page, path);
    // Let layout and any chart re-measure after the resize.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    if (screenshots || screenshotAll) {
      await testInfo.attach(`${path} at ${size.width} px`, {
        body: await page.screenshot({ fullPage: true }),
        contentType: "image/png",
      });
    }
    const width = await overflowingElements(page);
    if (width.scrollWidth > width.innerWidth) {
      problems.push(
        `${path} at ${size.width} px is ${width.scrollWidth} px wide (window ${width.innerWidth} px); sticking out: ${width.culprits.join(", ")}`,
      );
    }
    const found = await axeFindings(page, size.width);
    findings.push(...found);
    for (const finding of found) {
      problems.push(
        `${path} at ${size.width} px: ${finding.rule} (${finding.impact}) ${finding.help} — ${finding.targets.join(" | ")}`,
      );
    }
  }
  if (findings.length > 0) {
    await testInfo.attach(`axe findings on ${path}`, {
      body: JSON.stringify(findings, null, 2),
      contentType: "application/json",
    });
  }
  expect(problems, problems.join("\n")).toEqual([]);
}

for (const [role, pages] of Object.entries(MAIN_PAGES) as [Role, MainPage[]][]) {
  test.describe(`${role}'s main pages`, () => {
    // One sign-in per role; each page gets a fresh context carrying that session.
    let session: Awaited<ReturnType<BrowserContext["storageState"]>>;
    test.beforeAll(async ({ browser }) => {
      const context = await browser.newContext();
      await signInAs(await context.newPage(), role);
      session = await context.storageState();
      await context.close();
    });

    for (const mainPage of pages) {
      test(`${mainPage.name} passes axe and fits at 390 and 1440 px`, async ({ browser }, testInfo) => {
        const context = await browser.newContext({ storageState: session });
        try {
          const page = await context.newPage();
          const path = await resolve(page, mainPage.at);
          await checkPage(page, path, testInfo, { screenshots: SCREENSHOTS.has(mainPage.name) });
        } finally {
          await context.close();
        }
      });
    }
  });
}

test.describe("signed-out pages", () => {
  test("the sign-in page passes axe and fits at 390 and 1440 px", async ({ page }, testInfo) => {
    await checkPage(page, "/login", testInfo, { screenshots: false });
  });

  test("the public survey page passes axe and fits at 390 and 1440 px", async ({ browser }, testInfo) => {
    const link = await createSurveyLink(browser);
    const customer = await browser.newContext();
    try {
      await checkPage(await customer.newPage(), new URL(link).pathname, testInfo, {
        screenshots: SCREENSHOTS.has("survey"),
      });
    } finally {
      await customer.close();
    }
  });
});

/** A manager creates a survey link in the outbox, as in the surveys spec; the token is shown once. */
async function createSurveyLink(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signInAs(page, "manager");
    return await newSurveyLink(page);
  } finally {
    await context.close();
  }
}
