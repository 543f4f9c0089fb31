import { describe, expect, it } from "vitest";
import { claimInQueueHref, parseVerifyQueueFilter, queueFilterOf, verifyQueueSearch } from "./verify-queue.ts";

describe("the verification queue's filter, carried to a claim and back", () => {
  it("reads known filters and drops unknown or malformed values", () => {
    expect(
      parseVerifyQueueFilter(new URLSearchParams("product=ledgerline&check=OVERSTATES&source=CUSTOMER&page=2")),
    ).toEqual({
      product: "ledgerline",
      check: "OVERSTATES",
      source: "CUSTOMER",
      page: 2,
    });
    expect(parseVerifyQueueFilter(new URLSearchParams("check=LIES&source=&page=-1&colour=red"))).toEqual({ page: 1 });
    expect(parseVerifyQueueFilter(new URLSearchParams(`product=${"p".repeat(101)}&page=2.5`))).toEqual({ page: 1 });
  });

  it("round-trips through the claim's address", () => {
    const filter = { product: "relay", check: "OVERSTATES" as const, page: 3 };
    const href = claimInQueueHref("c1", filter);
    expect(href).toBe("/claims/c1?queue=product%3Drelay%26check%3DOVERSTATES%26page%3D3");
    expect(queueFilterOf(new URL(href, "http://candor.test"))).toEqual(filter);
    expect(verifyQueueSearch(filter)).toBe("product=relay&check=OVERSTATES&page=3");
  });

  it("tells a claim opened from the whole queue from one opened elsewhere", () => {
    expect(queueFilterOf(new URL(claimInQueueHref("c1", {}), "http://candor.test"))).toEqual({ page: 1 });
    expect(queueFilterOf(new URL("/claims/c1", "http://candor.test"))).toBeNull();
  });
});
