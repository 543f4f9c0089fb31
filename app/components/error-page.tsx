import { isRouteErrorResponse, Link } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "That request could not be understood",
  403: "Not allowed",
  404: "Not found",
  409: "Someone else got there first",
  413: "Too large",
  415: "That request could not be understood",
  429: "Too many attempts",
  503: "Nothing was saved",
};

function messageOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "message" in value && typeof value.message === "string") return value.message;
  return null;
}

/** The page for any thrown response or error: a title, a plain sentence, a way back. */
export function ErrorPage({ error }: { error: unknown }) {
  let status = 500;
  let message = "Something went wrong on our side. The error has been logged; please try again.";
  if (isRouteErrorResponse(error)) {
    status = error.status;
    message = messageOf(error.data) ?? (status === 404 ? "We could not find that page." : error.statusText || message);
  }
  return (
    <main className="error-page" aria-labelledby="error-title">
      <p className="error-status">{status}</p>
      <h1 id="error-title">{TITLES[status] ?? "Something went wrong"}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </main>
  );
}
