import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { BankTable, STATE_LABEL } from "../components/quizzes/bank-table.tsx";
import { FilterSelect } from "../components/ui/filter-select.tsx";
import { parseListQuery } from "../domain/list-query.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { listBankQuestions } from "../models/questions.server.ts";
import { listProductsWithCapabilities } from "../models/products.server.ts";
import { bankFiltersSchema, QUESTION_STATES } from "../schemas/quiz.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Question bank · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "write:quiz", "Only engineers and admins write quiz questions.");
  const filters = parseListQuery(bankFiltersSchema, new URL(request.url).searchParams).value;
  const [bank, products] = await Promise.all([listBankQuestions(filters), listProductsWithCapabilities()]);
  return { ...bank, products: products.map((p) => ({ slug: p.slug, name: p.name })), filters };
}

export default function QuestionBankPage() {
  const { rows, counts, products, filters } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Question bank</h1>
      <p className="muted">
        Active questions are drawn into quizzes. A question linked to a capability whose status or conditions changed
        needs review: it is not drawn until you re-approve it. Retired questions stay with the attempts that asked them.
      </p>
      <p>
        <Link to="/question-bank/new" className="button">
          New question
        </Link>{" "}
        <Link to="/quizzes">Quizzes</Link>
      </p>
      <Form method="get" className="filters">
        <FilterSelect
          name="product"
          label="Product"
          options={products.map((p) => ({ value: p.slug, label: p.name }))}
          defaultValue={filters.product}
          anyLabel="All products"
        />
        <FilterSelect
          name="state"
          label="State"
          options={QUESTION_STATES.map((s) => ({ value: s, label: `${STATE_LABEL[s]} (${counts[s]})` }))}
          defaultValue={filters.state}
          anyLabel="Any state"
        />
        <button type="submit" className="button">
          Filter
        </button>
      </Form>
      <BankTable rows={rows} />
    </>
  );
}
