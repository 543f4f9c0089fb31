import { Link } from "@remix-run/react";

// The engineer's way through the verification queue from a claim opened there (PRODUCT.md §3):
// back to the queue and on to the next claim, both keeping the queue's filter.

export interface QueuePosition {
  /** /verify's address with the filter (and page) the claim was opened from. */
  queueHref: string;
  next: { href: string; accountName: string; salespersonName: string } | null;
  /** Claims the viewer may judge still waiting under that filter, this one left out. */
  remaining: number;
}

const claims = (n: number) => `${n} claim${n === 1 ? "" : "s"}`;

/** Above the claim: the way back to the filtered queue, and a way to skip this claim. */
export function QueueLinks({ queue }: { queue: QueuePosition }) {
  return (
    <p className="small queue-links">
      <Link to={queue.queueHref}>← Verification queue</Link>
      {queue.next ? (
        <>
          {" · "}
          <Link to={queue.next.href}>Skip to the next claim</Link>
        </>
      ) : null}
    </p>
  );
}

/** Below a judged claim: on to the next one in the same filtered queue. */
export function NextClaimPanel({ queue }: { queue: QueuePosition }) {
  return (
    <section className="panel next-claim" aria-labelledby="next-claim-title">
      <h2 id="next-claim-title">Next in the queue</h2>
      {queue.next ? (
        <>
          <p>
            {claims(queue.remaining)} still waiting with the queue&rsquo;s filter. Next: {queue.next.salespersonName}
            &rsquo;s claim to {queue.next.accountName}.
          </p>
          <p>
            <Link to={queue.next.href} className="button">
              Next claim
            </Link>{" "}
            <Link to={queue.queueHref}>Back to the queue</Link>
          </p>
        </>
      ) : (
        <p>
          No other claim waits for your verdict with this filter. <Link to={queue.queueHref}>Back to the queue</Link>
        </p>
      )}
    </section>
  );
}
