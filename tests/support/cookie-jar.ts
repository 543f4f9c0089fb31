/** The cookies a client keeps between requests: what Set-Cookie gave, sent back as one Cookie header. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  keep(response: Response): this {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const [name = "", ...value] = pair.split("=");
      if (name) this.cookies.set(name, value.join("="));
    }
    return this;
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}
