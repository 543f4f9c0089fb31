import { SMTPServer } from "smtp-server";

// A real SMTP server on this machine for the tests that send mail (survey links, the digest):
// it keeps what it receives, with quoted-printable soft line breaks removed, and refuses with a
// temporary 451 while `accepting` is false, as a mailbox that is briefly unavailable would.

export interface LocalSmtp {
  readonly received: Array<{ to: string; body: string }>;
  accepting: boolean;
  /** Listens on a free port of 127.0.0.1; answers the smtp:// URL to send to. */
  start(): Promise<string>;
  close(): Promise<void>;
}

export function localSmtp({ accepting = true } = {}): LocalSmtp {
  const received: LocalSmtp["received"] = [];
  const smtp: LocalSmtp = {
    received,
    accepting,
    async start() {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const address = server.server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      return `smtp://127.0.0.1:${port}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (!smtp.accepting) {
          callback(Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 }));
          return;
        }
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(","),
          body: Buffer.concat(chunks)
            .toString("utf8")
            .replace(/=\r?\n/g, ""),
        });
        callback();
      });
    },
  });
  return smtp;
}
