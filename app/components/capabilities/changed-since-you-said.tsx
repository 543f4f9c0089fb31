import { Link } from "@remix-run/react";
import type { CapabilityLevel } from "../../domain/levels.ts";
import { AssertedLevelBadge, LevelBadge } from "../ui/badges.tsx";

export interface ChangedSinceYouSaidItem {
  claimId: string;
  accountName: string;
  statement: string;
  assertedLevel: CapabilityLevel | null;
  capabilityTitle: string;
  capabilityHref: string;
  now: { status: CapabilityLevel; conditions: string };
  sentence: string;
}

/**
 * For the salesperson's home: open claims whose matrix row changed after they made them
 * (listFlaggedClaimsFor in app/models/capabilities.server.ts), so they can set the customer straight.
 */
export function ChangedSinceYouSaid({ items }: { items: readonly ChangedSinceYouSaidItem[] }) {
  return (
    <section className="panel" aria-labelledby="changed-since-title">
      <h2 id="changed-since-title">Changed since you said it</h2>
      {items.length === 0 ? (
        <p className="muted">Nothing: the matrix still says what it said when you made each of your open claims.</p>
      ) : (
        <ul className="changed-since-list">
          {items.map((item) => (
            <li key={item.claimId}>
              <p>
                <strong>{item.sentence}</strong>
              </p>
              <p className="small">
                You told {item.accountName} <AssertedLevelBadge level={item.assertedLevel} />: &ldquo;{item.statement}
                &rdquo;
              </p>
              <p className="small">
                Engineering now says <LevelBadge level={item.now.status} />
                {item.now.conditions ? `: ${item.now.conditions}` : ""}.{" "}
                <Link to={item.capabilityHref}>
                  See {item.capabilityTitle}
                  <span className="visually-hidden"> in the capability matrix</span>
                </Link>{" "}
                · <Link to={`/claims/${item.claimId}`}>Your claim</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
