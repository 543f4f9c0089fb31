import { isRouteErrorResponse, Link } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "That request could not be understood",
  403: "Not allowed",
  404: "Page not found",
  405: "That request could not be understood",
  409: "Someone else got there first",
  413: "Too large",
  415: "That request could not be understood",
  429: "Too many attempts",
  503: "Nothing was saved",
};

const DEFAULT_MESSAGES: Record<number, string> = {
  404: "There is no page at this address. The link may be mistyped, or the page may have moved.",
  405: "This address does not take that kind of request.",
};

// Remix's own refusals ("Error: No route matches URL …", "Error: You made a POST request …")
// are written for developers; a person reads the plain sentence for the status instead.
function messageOf(value: unknown): string | null {
  if (typeof value === "string") return value.startsWith("Error: ") ? null : value;
  if (value && typeof value === "object" && "message" in value && typeof value.message === "string")
    return value.message;
  return null;
}

/**
 * The page for any thrown response or error: a title, a plain sentence, a way back. Inside the
 * signed-in layout (`inLayout`), whose own <main> holds it, it is a section rather than a second main.
 */
export function ErrorPage({ error, inLayout = false }: { error: unknown; inLayout?: boolean }) {
  let status = 500;
  let message = "Something went wrong on our side. The error has been logged; please try again.";
  if (isRouteErrorResponse(error)) {
    status = error.status;
    message = messageOf(error.data) ?? DEFAULT_MESSAGES[status] ?? (error.statusText || message);
  }
  const content = (
    <>
      <p className="error-status">{status}</p>
      <h1 id="error-title">{TITLES[status] ?? "Something went wrong"}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </>
  );
  return inLayout ? (
    <section className="error-page" aria-labelledby="error-title">
      {content}
    </section>
  ) : (
    <main className="error-page" aria-labelledby="error-title">
      {content}
    </main>
  );
}
