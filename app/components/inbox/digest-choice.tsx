import { Form } from "@remix-run/react";

const two = (n: number) => String(n).padStart(2, "0");

/** The daily email digest (PRODUCT.md §8): offered only where Candor can send email (SMTP_URL). */
export function DigestChoice({ chosen, hourUtc }: { chosen: boolean; hourUtc: number }) {
  return (
    <section className="panel inbox-digest" aria-labelledby="digest-heading">
      <h2 id="digest-heading">Email digest</h2>
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value="digest" />
        <div className="checkbox">
          <input
            type="checkbox"
            id="emailDigest"
            name="emailDigest"
            defaultChecked={chosen}
            aria-describedby="digest-when"
          />
          <label htmlFor="emailDigest">Email me a daily digest of unread notifications</label>
        </div>
        <p id="digest-when" className="small muted">
          One email a day at {two(hourUtc)}:00 UTC, and only on days when something is unread.
        </p>
        <button type="submit" className="button secondary">
          Save
        </button>
      </Form>
    </section>
  );
}
