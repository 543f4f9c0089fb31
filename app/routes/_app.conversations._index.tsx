import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { CandidateRows, ConversationsTable } from "../components/conversations/conversation-lists.tsx";
import { FilterSelect } from "../components/ui/filter-select.tsx";
import { formatCount } from "../components/ui/format.ts";
import { Pagination } from "../components/ui/pagination.tsx";
import { DECISION_WINDOW_DAYS } from "../domain/candidate-rules.ts";
import { userHasPermission } from "../domain/permissions.ts";
import { parseListQuery } from "../domain/list-query.ts";
import { requireUserWithAudience } from "../services/session.server.ts";
import { listCandidatesWaitingForDecider, listConversations } from "../models/candidate-claims.server.ts";
import { CANDIDATE_STATE_OPTIONS, conversationFilterSchema } from "../schemas/conversation.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Conversations · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope, audience } = await requireUserWithAudience(request, "read:conversation");
  const filters = parseListQuery(conversationFilterSchema, new URL(request.url).searchParams).value;
  const now = new Date();
  const [list, waiting] = await Promise.all([
    listConversations(audience, { salespersonId: filters.salesperson, state: filters.state, page: filters.page }),
    listCandidatesWaitingForDecider(user, now),
  ]);
  return { ...list, waiting, scope, filters, canImport: userHasPermission(user, "import:conversation") };
}

export default function ConversationsPage() {
  const { rows, total, page, pageSize, salespeople, waiting, scope, filters, canImport } =
    useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  return (
    <>
      <h1>Conversations</h1>
      <p className="muted">
        Calls and emails imported for deals, and the candidate claims Candor found in the salesperson's words.{" "}
        {scope === "own"
          ? "These are your deals' conversations."
          : scope === "team"
            ? "The teams you manage."
            : "Every team."}
      </p>
      {canImport ? (
        <p>
          <Link to="/conversations/import">Import a conversation</Link>
        </p>
      ) : null}
      {waiting.count > 0 ? (
        <section aria-labelledby="waiting-title" className="panel">
          <h2 id="waiting-title">Waiting for you ({formatCount(waiting.count)})</h2>
          <p className="muted">
            Candidates their salesperson has not decided within {DECISION_WINDOW_DAYS} days. Open the conversation to
            confirm or dismiss each.
          </p>
          <CandidateRows
            rows={waiting.rows}
            caption="Candidate claims undecided for more than 7 days"
            showSalesperson
          />
          {waiting.count > waiting.rows.length ? (
            <p className="small muted">The oldest {waiting.rows.length} are shown.</p>
          ) : null}
        </section>
      ) : null}
      <Form method="get" className="filters">
        {scope !== "own" ? (
          <FilterSelect
            name="salesperson"
            label="Salesperson"
            anyLabel="Everyone"
            options={salespeople.map((person) => ({ value: person.id, label: person.name }))}
            defaultValue={filters.salesperson}
          />
        ) : null}
        <FilterSelect
          name="state"
          label="Candidates"
          anyLabel="Any"
          options={CANDIDATE_STATE_OPTIONS}
          defaultValue={filters.state}
        />
        <button type="submit">Show</button>
      </Form>
      <p className="muted small">
        {formatCount(total)} conversation{total === 1 ? "" : "s"}
      </p>
      {rows.length === 0 ? (
        <p className="muted">
          No conversations match.
          {canImport ? " Import a call transcript or an email thread to find the claims made in it." : ""}
        </p>
      ) : (
        <ConversationsTable rows={rows} showSalesperson={scope !== "own"} />
      )}
      <Pagination page={page} pageCount={Math.ceil(total / pageSize)} search={search} label="Pages of conversations" />
    </>
  );
}
