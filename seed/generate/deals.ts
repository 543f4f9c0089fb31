import { MS_PER_DAY, addDays } from "../../app/domain/dates.ts";
import type { Deal } from "../../app/generated/prisma/client.ts";
import type { DealStatus } from "../../app/generated/prisma/enums.ts";
import { DEAL_EXTERNAL_PREFIX } from "../content/names.ts";
import type { Rng } from "../random.ts";
import { contactFor } from "./accounts.ts";
import type { CatalogProduct } from "./catalog.ts";
import { activeEnd, type SeedContext, type SeedPerson } from "./context.ts";
import { instantBetween, maxDate } from "./timeline.ts";

// A salesperson's pipeline: deals won and lost over the history, and some still open.

export interface DealPlan {
  won: number;
  lost: number;
  open: number;
}

export interface GeneratedDeal {
  row: Deal;
  product: CatalogProduct;
  accountName: string;
  /** When the opportunity was opened: claims on the deal are made from here to the close. */
  openedAt: Date;
}

export function planDeals(person: SeedPerson, ctx: SeedContext, rng: Rng): DealPlan {
  const from = maxDate(ctx.timeline.dealsStart, person.activeFrom);
  const quarters = Math.max(0, activeEnd(person, ctx).getTime() - from.getTime()) / (91 * MS_PER_DAY);
  const closed = Math.round(person.profile.dealsPerQuarter * quarters * rng.float(0.85, 1.15));
  const won = Math.round(closed * person.profile.winRate);
  const open = person.activeUntil === null ? Math.round(person.profile.dealsPerQuarter * 0.6) + rng.int(0, 1) : 0;
  return { won, lost: closed - won, open };
}

function amountCents(product: CatalogProduct, scale: number, rng: Rng): number {
  const [min, max] = product.content.dealSize;
  const dollars = rng.float(min, max) * scale * rng.float(0.8, 1.2);
  return Math.max(500, Math.round(dollars / 500) * 500) * 100;
}

export function generateDeals(person: SeedPerson, plan: DealPlan, ctx: SeedContext, rng: Rng): GeneratedDeal[] {
  const { timeline } = ctx;
  const end = activeEnd(person, ctx);
  const closedFrom = maxDate(timeline.dealsStart, addDays(person.activeFrom, 21));
  // Closes are spread evenly (one per slot of the window, in random order) so that every
  // quarter has surveys falling due.
  const closed = rng.shuffle([
    ...Array<DealStatus>(plan.won).fill("WON"),
    ...Array<DealStatus>(plan.lost).fill("LOST"),
  ]);
  const slot = (end.getTime() - closedFrom.getTime()) / Math.max(1, closed.length);
  const statuses = [...closed, ...Array<DealStatus>(plan.open).fill("OPEN")];
  const deals: GeneratedDeal[] = [];
  for (const [index, status] of statuses.entries()) {
    const product = rng.weighted(person.productWeights);
    const account = rng.pick(ctx.accounts);
    const contact = contactFor(account, rng);
    let closedAt: Date | null = null;
    let openedAt: Date;
    if (status === "OPEN") {
      openedAt = instantBetween(rng, maxDate(addDays(timeline.now, -100), person.activeFrom), timeline.now);
    } else {
      const slotStart = closedFrom.getTime() + index * slot;
      closedAt = instantBetween(rng, new Date(slotStart), new Date(Math.min(end.getTime(), slotStart + slot)));
      openedAt = maxDate(addDays(closedAt, -rng.float(20, 120)), person.activeFrom);
    }
    const number = String(ctx.nextDealNumber()).padStart(6, "0");
    deals.push({
      product,
      accountName: account.name,
      openedAt,
      row: {
        id: ctx.ids.id(),
        externalId: `${DEAL_EXTERNAL_PREFIX}${number}`,
        accountId: account.id,
        contactName: contact.name,
        contactEmail: contact.email,
        ownerId: person.id,
        productId: product.id,
        amountCents: amountCents(product, person.profile.dealScale, rng),
        status,
        closedAt,
        createdAt: openedAt,
        updatedAt: closedAt ?? openedAt,
      },
    });
  }
  return deals.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
}
