import { parseSubmission } from "../lib/submission.server.ts";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useMemo } from "react";
import { LockConfirmation } from "../components/comp/lock-confirmation.tsx";
import { MultiplierDistribution } from "../components/comp/multiplier-chart.tsx";
import { compPeopleColumns } from "../components/comp/people-columns.tsx";
import { PeriodStatusBadge } from "../components/comp/periods-table.tsx";
import { DataTable } from "../components/data-table/data-table.tsx";
import { formatCents, formatDate, formatDateTime } from "../components/ui/format.ts";
import { Tile } from "../components/ui/tile.tsx";
import { addDays } from "../domain/dates.ts";
import { listQuerySchema, parseListQuery, tableQueryParams } from "../domain/list-query.ts";
import { permissionScope, userHasPermission } from "../domain/permissions.ts";
import { readForm } from "../lib/form-data.server.ts";
import {
  notFound,
  requireUser,
  requireUserWithAudience,
  requireUserWithPermission,
} from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { computePeriod } from "../models/comp-compute.server.ts";
import { getLockWarnings, getPeriodByName } from "../models/comp-periods.server.ts";
import { parsePlanJson } from "../models/comp-plan.server.ts";
import { getPeriodOverview } from "../models/comp-statements.server.ts";
import { lockSchema, OVERVIEW_PAGE_SIZES, OVERVIEW_SORT_KEYS } from "../schemas/comp.ts";
import { throwRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `${loaded?.period.name ?? "Period"} · Compensation · Candor` },
];

const overviewQuerySchema = listQuerySchema(
  tableQueryParams({
    sortKeys: OVERVIEW_SORT_KEYS,
    defaultSort: "name",
    pageSizes: OVERVIEW_PAGE_SIZES,
    defaultPageSize: 25,
  }),
);

/** The overview table's sort and page; every column sorts A to Z (lowest first) unless told otherwise. */
function parseView(search: URLSearchParams) {
  const { sort, dir = "asc", page, pageSize } = parseListQuery(overviewQuerySchema, search).value;
  return { sort, dir, page, pageSize } as const;
}

async function periodOr404(name: string | undefined) {
  const period = await getPeriodByName(name ?? "");
  if (period === null) notFound("There is no compensation period with that name.");
  return period;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, audience } = await requireUserWithAudience(
    request,
    "read:statement",
    "Compensation statements are for salespeople, their managers and admins.",
  );
  const period = await periodOr404(params.periodName);
  if (scope === "own") throw redirect(`/comp/${encodeURIComponent(period.name)}/${user.id}`);
  const url = new URL(request.url);
  const view = parseView(url.searchParams);
  const plan = parsePlanJson(period.plan.paramsJson).params;
  const curveTop = Math.max(...plan.curve.map(([, m]) => m));
  const overview = await getPeriodOverview(period.id, audience, view, curveTop);
  const canLock = userHasPermission(user, "lock:comp") && period.status === "OPEN";
  const confirmingLock = canLock && url.searchParams.get("confirm") === "lock";
  return {
    period: { ...period, lastDay: addDays(period.endsAt, -1), plan: { version: period.plan.version } },
    scope,
    view,
    overview,
    canCompute: period.status === "OPEN" && permissionScope(user, "compute:comp") !== null,
    canLock,
    confirmingLock,
    // Shown before the admin types the name; none of them prevents the lock.
    lockWarnings: confirmingLock ? await getLockWarnings(period) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Signed in before the body is read; each intent then checks its own permission.
  await requireUser(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "compute") {
    const { user, audience } = await requireUserWithAudience(
      request,
      "compute:comp",
      "Only managers and admins can compute compensation.",
    );
    const period = await periodOr404(params.periodName);
    const outcome = await computePeriod(auditContextFrom(request, user.id), period.id, audience);
    if (!outcome.ok) throwRefusal(outcome);
    const computed = outcome.value;
    const adjustments =
      computed.adjustments === 0
        ? ""
        : `, with ${computed.adjustments} prior-period adjustment${computed.adjustments === 1 ? "" : "s"}`;
    return redirectWithToast(`/comp/${encodeURIComponent(computed.name)}`, {
      kind: "success",
      message: `Computed ${computed.statements} statement${computed.statements === 1 ? "" : "s"} for ${computed.name}${adjustments}.`,
    });
  }
  if (intent === "lock") {
    const admin = await requireUserWithPermission(request, "lock:comp", "Only admins can lock a compensation period.");
    const period = await periodOr404(params.periodName);
    const submission = parseSubmission(form, { schema: lockSchema });
    if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
    if (submission.value.confirmName !== period.name) {
      return data(
        {
          result: submission.reply({
            fieldErrors: { confirmName: [`Type ${period.name} exactly to lock this period.`] },
          }),
        },
        { status: 400 },
      );
    }
    const outcome = await computePeriod(
      auditContextFrom(request, admin.id),
      period.id,
      { kind: "all" },
      { lock: true },
    );
    if (!outcome.ok) throwRefusal(outcome);
    const { name, statements } = outcome.value;
    return redirectWithToast(`/comp/${encodeURIComponent(name)}`, {
      kind: "success",
      message: `Locked ${name}: ${statements} statements are now frozen.`,
    });
  }
  throw data({ message: "That action is not recognised." }, { status: 400 });
}

const rowId = (row: { userId: string }) => row.userId;

export default function PeriodPage() {
  const { period, scope, view, overview, canCompute, canLock, confirmingLock, lockWarnings } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { search } = useLocation();
  const tableSort = useMemo(() => ({ id: view.sort, dir: view.dir }), [view.sort, view.dir]);
  const rows = useMemo(
    () => overview.rows.map((row) => ({ ...row, period: period.name })),
    [overview.rows, period.name],
  );
  const csvHref = `/comp/${encodeURIComponent(period.name)}/payroll.csv`;
  const { summary } = overview;
  return (
    <>
      <p className="small">
        <Link to="/comp">← All periods</Link>
      </p>
      <h1>
        {period.name} <PeriodStatusBadge status={period.status} />
      </h1>
      <p className="muted">
        {formatDate(period.startsAt)} to {formatDate(period.lastDay)} · plan version {period.plan.version} ·{" "}
        {period.computedAt ? `computed ${formatDateTime(period.computedAt)}` : "not computed yet"}
        {period.lockedAt
          ? ` · locked ${formatDateTime(period.lockedAt)}${period.lockedBy ? ` by ${period.lockedBy.name}` : ""}`
          : ""}
        . {scope === "team" ? "Showing the salespeople of the teams you manage." : "Showing every salesperson."}
      </p>
      {period.status === "LOCKED" ? (
        <p role="note">This period is locked: its statements are frozen and can never be recomputed or unlocked.</p>
      ) : null}
      {canCompute || canLock ? (
        <div className="inline-form">
          {canCompute ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="compute" />
              <button type="submit" className="button">
                {period.computedAt ? "Recompute" : "Compute"} {scope === "team" ? "my teams" : "everyone"}
              </button>
            </Form>
          ) : null}{" "}
          {canLock && !confirmingLock ? (
            <Link to={`${search ? `${search}&` : "?"}confirm=lock`}>Lock {period.name}…</Link>
          ) : null}
        </div>
      ) : null}
      {confirmingLock ? (
        <LockConfirmation periodName={period.name} warnings={lockWarnings} lastResult={actionData?.result} />
      ) : null}

      <div className="tiles">
        <Tile label="People" value={summary.people} />
        <Tile
          label="Average multiplier"
          value={summary.averageMultiplier === null ? "—" : summary.averageMultiplier.toFixed(4)}
        />
        <Tile label="Target bonuses" value={formatCents(summary.targetBonusCents)} />
        <Tile label="Payout, adjustments included" value={formatCents(summary.totalPayoutCents)} />
        <Tile label="Prior-period adjustments" value={formatCents(summary.adjustmentCents)} />
      </div>

      <MultiplierDistribution bins={overview.histogram} people={summary.people} />

      {summary.people > 0 ? (
        <p>
          <a href={csvHref} download>
            Download the payroll CSV
          </a>{" "}
          <span className="muted small">
            (one row per statement shown here; payout_cents includes adjustment_cents)
          </span>
        </p>
      ) : null}
      <DataTable
        caption={`Statements for ${period.name}`}
        columns={compPeopleColumns}
        data={rows}
        getRowId={rowId}
        total={overview.total}
        page={overview.page}
        pageSize={view.pageSize}
        pageSizes={OVERVIEW_PAGE_SIZES}
        sort={tableSort}
        rowHeader="name"
        noun={["statement", "statements"]}
        emptyMessage={
          period.status === "OPEN" ? "No statements yet: compute the period." : "This period has no statements."
        }
      />
    </>
  );
}
