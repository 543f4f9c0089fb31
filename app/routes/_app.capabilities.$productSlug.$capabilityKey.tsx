import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CapabilityEditForms } from "../components/capabilities/capability-edit-forms.tsx";
import { DocsLink } from "../components/capabilities/matrix-table.tsx";
import { OpenClaimsSinceChange } from "../components/capabilities/open-claims.tsx";
import { LastVerified, ReviewDue } from "../components/capabilities/review-status.tsx";
import { RevisionHistory } from "../components/capabilities/revision-history.tsx";
import { CapabilityPhrases } from "../components/conversations/capability-phrases.tsx";
import { LevelBadge } from "../components/ui/badges.tsx";
import { capabilitySavedMessage } from "../domain/capability-save-message.ts";
import { userHasPermission } from "../domain/permissions.ts";
import { readForm } from "../lib/form-data.server.ts";
import { notFound, requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { audienceFor } from "../models/audience.server.ts";
import {
  getCapabilityPage,
  listOpenClaimsChangedSince,
  listOwnerCandidates,
  markCapabilityVerified,
  updateCapability,
  updateCapabilityPhrases,
} from "../models/capabilities.server.ts";
import { capabilityPhrasesSchema, editCapabilitySchema, verifyCapabilitySchema } from "../schemas/capability.ts";
import { answerForm, redirectWithSuccess } from "../lib/form-action.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.capability.title ?? "Not found"} · Capability matrix · Candor` },
];

const NO_CAPABILITY = "There is no capability with that address in the capability matrix.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:matrix");
  const capability = await getCapabilityPage(params.productSlug ?? "", params.capabilityKey ?? "", new Date());
  if (!capability) notFound(NO_CAPABILITY);
  const canEdit = userHasPermission(user, "edit:capability");
  const audience = await audienceFor(user, "read:claim");
  const [openClaims, owners] = await Promise.all([
    audience
      ? listOpenClaimsChangedSince({ ...capability, revisions: [...capability.revisions].reverse() }, audience)
      : { total: 0, claims: [] },
    canEdit ? listOwnerCandidates(capability.owner?.id ?? null) : Promise.resolve([]),
  ]);
  return { capability, canEdit, owners, openClaims, mayReadClaims: audience !== null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(
    request,
    "edit:capability",
    "Only engineers and admins can change the capability matrix.",
  );
  const capability = await getCapabilityPage(params.productSlug ?? "", params.capabilityKey ?? "", new Date());
  if (!capability) notFound(NO_CAPABILITY);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const audit = auditContextFrom(request, user.id);
  const here = `/capabilities/${capability.product.slug}/${capability.key}`;

  if (intent === "update") {
    return answerForm(formData, editCapabilitySchema(), {
      change: (input) => updateCapability(audit, capability.id, { ...input, docsUrl: input.docsUrl ?? null }, user.id),
      done: (saved) =>
        redirectWithToast(here, { kind: saved.saved ? "success" : "info", message: capabilitySavedMessage(saved) }),
      extra: { intent },
    });
  }
  if (intent === "verify") {
    return answerForm(formData, verifyCapabilitySchema, {
      change: (input) => markCapabilityVerified(audit, capability.id, input.version, user.id),
      done: () => redirectWithSuccess(here, "Marked verified; the review cycle starts again today."),
      extra: { intent },
    });
  }
  if (intent === "phrases") {
    return answerForm(formData, capabilityPhrasesSchema, {
      change: (input) => updateCapabilityPhrases(audit, capability.id, input.phrases),
      done: ({ saved }) =>
        saved
          ? redirectWithSuccess(here, "Phrases saved; conversations imported from now on are matched with them.")
          : redirectWithToast(here, { kind: "info", message: "The phrases had not changed." }),
      extra: { intent },
    });
  }
  throw data({ message: "That form is not known here." }, { status: 400 });
}

export default function CapabilityPage() {
  const { capability, canEdit, owners, openClaims, mayReadClaims } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { product } = capability;
  return (
    <>
      <p className="small">
        <Link to="/capabilities">Capability matrix</Link> ›{" "}
        <Link to={`/capabilities/${product.slug}`}>{product.name}</Link>
      </p>
      <h1>
        {capability.title} <LevelBadge level={capability.status} />
      </h1>
      <dl className="facts panel">
        <dt>Key</dt>
        <dd>
          <code>{capability.key}</code>
        </dd>
        <dt>Description</dt>
        <dd>{capability.description || <span className="muted">—</span>}</dd>
        <dt>Conditions and limitations</dt>
        <dd>{capability.conditions || <span className="muted">None</span>}</dd>
        <dt>Customer pain points</dt>
        <dd>{capability.painPoints || <span className="muted">—</span>}</dd>
        <dt>Docs</dt>
        <dd>
          <DocsLink url={capability.docsUrl} title={capability.title} />
        </dd>
        <dt>Owner</dt>
        <dd>{capability.owner?.name ?? <span className="muted">No owner</span>}</dd>
        <dt>Last verified</dt>
        <dd>
          <LastVerified verifiedAt={capability.verifiedAt} verifiedBy={capability.verifiedBy} />
        </dd>
        <dt>Review due</dt>
        <dd>
          <ReviewDue reviewDueAt={capability.reviewDueAt} stale={capability.stale} />
        </dd>
      </dl>
      {canEdit ? (
        <CapabilityEditForms
          // A saved change bumps the version: the forms start afresh from the stored row.
          key={capability.version}
          capability={{
            ...capability,
            ownerId: capability.owner?.id ?? null,
            reviewCycleDays: product.reviewCycleDays,
          }}
          owners={owners}
          editResult={actionData?.intent === "update" ? actionData.result : undefined}
          verifyResult={actionData?.intent === "verify" ? actionData.result : undefined}
        />
      ) : null}
      <CapabilityPhrases
        key={capability.phrases}
        title={capability.title}
        phrases={capability.phrases}
        canEdit={canEdit}
        result={actionData?.intent === "phrases" ? actionData.result : undefined}
      />
      <RevisionHistory revisions={capability.revisions} />
      {mayReadClaims ? (
        <OpenClaimsSinceChange claims={openClaims.claims} total={openClaims.total} now={capability} />
      ) : null}
    </>
  );
}
