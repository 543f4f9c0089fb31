// The claims table's filters (app/domain/claims-filter.ts) turned into SQL terms within what the
// reader may see, and the choices the filter form offers. A team, salesperson, product or
// capability that cannot apply is dropped with a plain note rather than failing the page.
import { madeAtBounds, type ClaimsFilter } from "../domain/claims-filter.ts";
import { prisma } from "../lib/db.server.ts";
import { ClaimQuery, type Term } from "./claims-table-query.server.ts";
import type { Audience } from "./audience.server.ts";
import { listProductsWithCapabilities } from "./products.server.ts";

export interface ClaimsFilterOptions {
  /**
   * Salespeople to offer: those the reader may see when they are few (a manager's teams), else
   * those of the chosen team; the chosen salesperson always. Empty for a salesperson reading
   * their own claims.
   */
  salespeople: Person[];
  /** True when the reader may see too many salespeople to list before a team is chosen. */
  salespeopleNeedTeam: boolean;
  teams: Array<{ id: string; name: string }>;
  products: Array<{
    id: string;
    slug: string;
    name: string;
    capabilities: Array<{ id: string; key: string; title: string }>;
  }>;
}

type Person = { id: string; name: string; active: boolean; teamId: string | null };

export interface ResolvedClaimsFilter {
  /** The filter actually applied: the URL's, less what could not be used. */
  filter: ClaimsFilter;
  /** Null when no claim can match (e.g. a team without salespeople). */
  query: ClaimQuery | null;
  notes: string[];
  options: ClaimsFilterOptions;
  names: Map<string, string>;
}

// A select of a thousand names is slow to send and useless to scroll; past this many, the
// salesperson list waits for a team to be chosen.
const SALESPEOPLE_LISTED = 150;
const personSelect = { id: true, name: true, role: true, active: true, teamId: true } as const;

async function loadProducts(): Promise<ClaimsFilterOptions["products"]> {
  const products = await listProductsWithCapabilities();
  return products.map((product) => ({
    id: product.id,
    slug: product.slug,
    name: product.name,
    capabilities: product.capabilities.map(({ id, key, title }) => ({ id, key, title })),
  }));
}

const toPerson = ({ id, name, active, teamId }: Person): Person => ({ id, name, active, teamId });
const intersect = (a: string[] | null, b: string[]) => (a === null ? b : a.filter((id) => b.includes(id)));

/**
 * The salespeople a filter allows (null: anyone), within the audience, and the people to offer
 * in the form. A team or salesperson outside the audience is dropped with a note.
 */
async function resolvePeople(
  audience: Audience,
  filter: ClaimsFilter,
  teams: ClaimsFilterOptions["teams"],
  notes: string[],
) {
  // Everyone in a manager's teams (any role, as salespersonAudienceWhere counts them). For "all"
  // nobody is loaded here: that would be the whole company.
  const scope =
    audience.kind === "teams"
      ? await prisma.user.findMany({
          where: { teamId: { in: audience.teamIds } },
          select: personSelect,
          orderBy: [{ name: "asc" }, { id: "asc" }],
        })
      : null;
  let allowed: string[] | null =
    audience.kind === "own" ? [audience.userId] : scope ? scope.map((person) => person.id) : null;
  let members: typeof scope = null;

  if (filter.team !== undefined) {
    const teamId = filter.team;
    if (teams.some((team) => team.id === teamId)) {
      members = scope
        ? scope.filter((person) => person.teamId === teamId)
        : await prisma.user.findMany({
            where: { teamId },
            select: personSelect,
            orderBy: [{ name: "asc" }, { id: "asc" }],
          });
      allowed = intersect(
        allowed,
        members.map((member) => member.id),
      );
    } else {
      notes.push("Ignored the team filter: it is not a team whose claims you can read.");
      delete filter.team;
    }
  }
  let chosen: Person | null = null;
  if (filter.salesperson !== undefined) {
    const id = filter.salesperson;
    // A salesperson's own id changes nothing; anyone else's is outside their audience.
    const found =
      audience.kind === "own"
        ? id === audience.userId
          ? null
          : undefined
        : scope
          ? scope.find((person) => person.id === id)
          : ((await prisma.user.findUnique({ where: { id }, select: personSelect })) ?? undefined);
    if (found === undefined) {
      notes.push("Ignored the salesperson filter: it is not someone whose claims you can read.");
      delete filter.salesperson;
    } else if (found) {
      chosen = toPerson(found);
      allowed = intersect(allowed, [id]);
    }
  }

  const salesOf = (people: NonNullable<typeof scope>) =>
    people.filter((person) => person.role === "SALES").map(toPerson);
  // For "all", the salespeople are loaded only when there are few enough to list.
  const fewInCompany =
    audience.kind === "all" && (await prisma.user.count({ where: { role: "SALES" } })) <= SALESPEOPLE_LISTED
      ? await prisma.user.findMany({
          where: { role: "SALES" },
          select: personSelect,
          orderBy: [{ name: "asc" }, { id: "asc" }],
        })
      : null;
  const inScope = scope ? salesOf(scope) : fewInCompany ? salesOf(fewInCompany) : null;
  const needTeam = audience.kind === "all" ? inScope === null : inScope !== null && inScope.length > SALESPEOPLE_LISTED;
  const listed = audience.kind === "own" ? [] : members ? salesOf(members) : needTeam ? [] : (inScope ?? []);
  if (chosen && !listed.some((person) => person.id === chosen.id)) listed.push(chosen);
  const names = new Map(
    [...(scope ?? fewInCompany ?? []), ...(members ?? []), ...(chosen ? [chosen] : [])].map((person) => [
      person.id,
      person.name,
    ]),
  );
  return { allowed, salespeople: listed, salespeopleNeedTeam: needTeam && audience.kind !== "own", names };
}

/** Turns the URL's filter into SQL terms within the reader's audience, dropping what cannot apply. */
export async function resolveClaimsFilter(audience: Audience, requested: ClaimsFilter): Promise<ResolvedClaimsFilter> {
  const [teams, products] = await Promise.all([
    audience.kind === "own"
      ? Promise.resolve([])
      : prisma.team.findMany({
          where: audience.kind === "teams" ? { id: { in: audience.teamIds } } : {},
          select: { id: true, name: true },
          orderBy: { name: "asc" },
        }),
    loadProducts(),
  ]);
  const filter: ClaimsFilter = { ...requested };
  const notes: string[] = [];
  const terms: Term[] = [];
  const { allowed, salespeople, salespeopleNeedTeam, names } = await resolvePeople(audience, filter, teams, notes);
  const options: ClaimsFilterOptions = { salespeople, salespeopleNeedTeam, teams, products };

  const product = options.products.find((candidate) => candidate.slug === filter.product);
  if (filter.product !== undefined && !product) {
    notes.push(`Ignored the product filter: no product is called “${filter.product}”.`);
    delete filter.product;
  }
  if (product) terms.push({ column: "productId", values: [product.id] });
  if (filter.capability !== undefined) {
    const capability = product?.capabilities.find((candidate) => candidate.key === filter.capability);
    if (capability) {
      terms.push({ column: "capabilityId", values: [capability.id] });
    } else {
      notes.push(
        product
          ? `Ignored the capability filter: ${product.name} has no capability “${filter.capability}”.`
          : "Ignored the capability filter: choose the product it belongs to as well.",
      );
      delete filter.capability;
    }
  }
  if (filter.status) terms.push({ column: "status", values: [filter.status] });
  if (filter.matrixCheck) terms.push({ column: "matrixCheck", values: [filter.matrixCheck] });
  if (filter.channel) terms.push({ column: "channel", values: [filter.channel] });
  if (filter.source) terms.push({ column: "source", values: [filter.source] });
  if (filter.disputed) terms.push({ column: "dispute", values: [filter.disputed === "open" ? "OPEN" : "ANY"] });
  if (allowed !== null) terms.unshift({ column: "salespersonId", values: allowed });

  const query = allowed !== null && allowed.length === 0 ? null : new ClaimQuery({ terms, ...madeAtBounds(filter) });
  return { filter, query, notes, options, names };
}
