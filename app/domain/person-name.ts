// How a person is named to someone outside the company: the customer's survey page says "Brad",
// not "Brad Kessler" (the first name is what the customer called their salesperson). Pure.

/** The first word of a full name ("Kevin O'Brien" → "Kevin"); the name itself when it has one word. */
export function firstName(fullName: string): string {
  const trimmed = fullName.trim();
  return trimmed.split(/\s+/u)[0] ?? trimmed;
}
