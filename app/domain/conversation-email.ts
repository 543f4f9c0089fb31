import { decodeHtmlEntities, squeezeSpaces, type Utterance } from "./conversation-text.ts";

// Reading an email or a pasted email thread into utterances (PRODUCT.md §7). Each message is
// attributed to its sender. A reply carries copies of the earlier messages (">" lines after
// "On … wrote:", or an "-----Original Message-----" block): those copies are read as the earlier
// sender's message — never as the replier's words — and a message that appears several times in
// a thread (its own block and a quoted copy) is kept once. Messages come out oldest first, so
// a sentence's neighbours are what was said around it.

export const UNKNOWN_SENDER = "Unknown sender";

export interface ParsedEmail {
  title: string;
  occurredAt: Date | null;
  utterances: Utterance[];
}

interface Message {
  sender: string;
  paragraphs: string[];
}

type Headers = Map<string, string>;

const HEADER_LINE = /^([A-Za-z][A-Za-z0-9-]{0,40}):[ \t]*(.*)$/;
const KNOWN_HEADER =
  /^(from|to|cc|bcc|subject|date|sent|reply-to|return-path|received|delivered-to|message-id|mime-version|content-[a-z-]+|in-reply-to|references|importance|thread-topic|thread-index|x-[a-z0-9-]+|dkim-signature|authentication-results|arc-[a-z-]+|list-[a-z-]+|sender|user-agent|accept-language|organization)$/i;

/** Whether a text opens like an email: a header block naming its sender. */
export function looksLikeEmail(text: string): boolean {
  const lines = text.replace(/^\s+/, "").split("\n");
  const block = readHeaderBlock(lines, 0);
  if (block && block.headers.has("from")) return true;
  return (
    /^-{3,}\s*Original Message\s*-{3,}\s*$/im.test(text) ||
    /^On\s[^\n]{4,200}(?:\n[^\n]{0,120})?\swrote:[ \t]*$/m.test(text)
  );
}

export function parseEmail(text: string): ParsedEmail {
  const lines = text.replace(/^\s+/, "").split("\n");
  const top = readHeaderBlock(lines, 0);
  const headers: Headers = top?.headers ?? new Map();
  const bodyLines = top ? lines.slice(top.next) : lines;
  const names = new NameBook();
  const body = isMime(headers) ? decodeMimeBody(headers, bodyLines.join("\n")) : bodyLines.join("\n");
  const newestFirst = readThread(body.split("\n"), names.senderOf(headers.get("from")), names);
  const seen = new Set<string>();
  const utterances: Utterance[] = [];
  for (const message of newestFirst.reverse()) {
    const sender = names.resolve(message.sender);
    const key = `${sender}\n${message.paragraphs.join(" ").toLowerCase().replace(/\s+/g, " ")}`;
    if (message.paragraphs.length === 0 || seen.has(key)) continue;
    seen.add(key);
    for (const paragraph of message.paragraphs) utterances.push({ speaker: sender, text: paragraph, startMs: null });
  }
  return {
    title: squeezeSpaces(decodeEncodedWords(headers.get("subject") ?? "")),
    occurredAt: parseEmailDate(headers.get("date") ?? headers.get("sent") ?? ""),
    utterances,
  };
}

/** Remembers the display name behind each address, so "maya@vendor.com wrote:" and "From: Maya Chen <maya@vendor.com>" are one speaker. */
class NameBook {
  private readonly byAddress = new Map<string, string>();

  senderOf(fromValue: string | undefined): string {
    if (fromValue === undefined) return UNKNOWN_SENDER;
    const { name, address } = parseAddress(decodeEncodedWords(fromValue));
    if (name && address) this.byAddress.set(address.toLowerCase(), name);
    return name || address || UNKNOWN_SENDER;
  }

  resolve(sender: string): string {
    return this.byAddress.get(sender.toLowerCase()) ?? sender;
  }
}

function parseAddress(value: string): { name: string; address: string } {
  const text = value.replace(/\[mailto:[^\]]*\]/i, "").trim();
  const angle = /^(.*?)<([^<>@\s]+@[^<>\s]+)>/.exec(text);
  if (angle) return { name: unquote(angle[1] ?? ""), address: angle[2] ?? "" };
  const commented = /^([^\s@]+@[^\s()]+)\s*\(([^()]+)\)/.exec(text);
  if (commented) return { name: unquote(commented[2] ?? ""), address: commented[1] ?? "" };
  if (/^[^\s@]+@[^\s@]+$/.test(text)) return { name: "", address: text };
  return { name: unquote(text), address: "" };
}

function unquote(name: string): string {
  return squeezeSpaces(name.replace(/^["'\s]+|["'\s]+$/g, "").replace(/\\"/g, '"'));
}

/**
 * Header lines from `start` up to the first blank line or the first line that is not a header,
 * with folded lines joined; a repeated header keeps its first value.
 */
function scanHeaders(lines: string[], start: number): { headers: Headers; next: number; known: number } {
  const headers: Headers = new Map();
  let index = start;
  let last: string | null = null;
  let known = 0;
  for (; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (line.trim() === "") break;
    if (/^[ \t]/.test(line) && last !== null) {
      headers.set(last, `${headers.get(last) ?? ""} ${line.trim()}`);
      continue;
    }
    const match = HEADER_LINE.exec(line);
    if (!match?.[1]) break;
    last = match[1].toLowerCase();
    if (KNOWN_HEADER.test(last)) known++;
    if (!headers.has(last)) headers.set(last, match[2] ?? "");
  }
  return { headers, next: index, known };
}

/** A message's headers: null unless they include From and at least one header mail uses. */
function readHeaderBlock(lines: string[], start: number): { headers: Headers; next: number } | null {
  const { headers, next, known } = scanHeaders(lines, start);
  return known > 0 && headers.has("from") ? { headers, next } : null;
}

function isMime(headers: Headers): boolean {
  return headers.has("content-type") || headers.has("content-transfer-encoding") || headers.has("mime-version");
}

function headerParameter(value: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(value);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** The readable text of a MIME body: the text/plain part (text/html when there is none), decoded. */
function decodeMimeBody(headers: Headers, body: string): string {
  const found = findTextPart(headers, body);
  if (!found) return "";
  return found.html ? htmlToText(found.text) : found.text;
}

function findTextPart(headers: Headers, body: string): { text: string; html: boolean } | null {
  const contentType = headers.get("content-type") ?? "text/plain";
  const type = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  if (/^attachment/i.test(headers.get("content-disposition") ?? "")) return null;
  if (type.startsWith("multipart/")) {
    const boundary = headerParameter(contentType, "boundary");
    if (!boundary) return null;
    let html: { text: string; html: boolean } | null = null;
    for (const part of splitMultipart(body, boundary)) {
      const lines = part.split("\n");
      const partHeaders = readPartHeaders(lines);
      const found = findTextPart(partHeaders.headers, lines.slice(partHeaders.next + 1).join("\n"));
      if (found && !found.html) return found;
      if (found && !html) html = found;
    }
    return html;
  }
  if (type !== "text/plain" && type !== "text/html" && type !== "") return null;
  const text = decodeTransfer(
    body,
    headers.get("content-transfer-encoding") ?? "",
    headerParameter(contentType, "charset") ?? "utf-8",
  );
  return { text, html: type === "text/html" };
}

function splitMultipart(body: string, boundary: string): string[] {
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of body.split("\n")) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}` || trimmed === `--${boundary}--`) {
      if (current) parts.push(current.join("\n"));
      current = trimmed.endsWith(`${boundary}--`) ? null : [];
      if (current === null) break;
      continue;
    }
    current?.push(line);
  }
  return parts;
}

/** A MIME part's headers need no From line, unlike a message's. */
function readPartHeaders(lines: string[]): { headers: Headers; next: number } {
  const { headers, next } = scanHeaders(lines, 0);
  return { headers, next };
}

function decodeTransfer(body: string, encoding: string, charset: string): string {
  const kind = encoding.trim().toLowerCase();
  if (kind === "base64") {
    try {
      const binary = atob(body.replace(/[^A-Za-z0-9+/=]/g, ""));
      return decodeCharset(
        Uint8Array.from(binary, (char) => char.charCodeAt(0)),
        charset,
      );
    } catch {
      return "";
    }
  }
  if (kind === "quoted-printable") return decodeCharset(quotedPrintableBytes(body.replace(/=[ \t]*\n/g, "")), charset);
  return body;
}

function quotedPrintableBytes(text: string): Uint8Array {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? "";
    const hex = text.slice(index + 1, index + 3);
    if (char === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...encoder.encode(char));
    }
  }
  return Uint8Array.from(bytes);
}

function decodeCharset(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset.trim() || "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/** RFC 2047 encoded words in headers: `=?utf-8?Q?Caf=C3=A9?=`, `=?UTF-8?B?…?=`. */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (whole, charset: string, kind: string, data: string) => {
      try {
        if (kind.toUpperCase() === "B")
          return decodeCharset(
            Uint8Array.from(atob(data), (char) => char.charCodeAt(0)),
            charset,
          );
        return decodeCharset(quotedPrintableBytes(data.replace(/_/g, " ")), charset);
      } catch {
        return whole;
      }
    });
}

function htmlToText(html: string): string {
  const text = html
    .replace(/<(head|style|script)[\s\S]*?<\/\1>/gi, "")
    // Quoted earlier messages in HTML mail; their text is not the sender's.
    .replace(/<blockquote[\s\S]*?<\/blockquote>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|tr|h[1-6])>/gi, "\n\n")
    .replace(/<[^>]*>/g, "");
  return decodeHtmlEntities(text)
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n");
}

/** Dates as mail clients write them; a time without a zone (pasted Outlook "Sent:") is read as UTC so the reading never depends on the server's zone. */
export function parseEmailDate(value: string): Date | null {
  const text = value
    .replace(/\s+at\s+/i, " ")
    .replace(/\([^)]*\)\s*$/, "")
    .trim();
  if (text === "") return null;
  const zoned = /(?:[+-]\d{4}|\b(?:GMT|UTC|Z|[ECMP][SD]T)\b)\s*$/i.test(text);
  const parsed = Date.parse(zoned ? text : `${text} UTC`);
  return Number.isNaN(parsed) ? null : new Date(parsed);
}

const SEPARATOR = /^\s*(?:-{2,}\s*(?:Original Message|Forwarded message)\s*-{2,}|_{10,}|Begin forwarded message:)\s*$/i;
const SIGNATURE = /^--\s?$/;
const MOBILE_FOOTER =
  /^Sent from my (?:iPhone|iPad|Android|mobile|Galaxy|BlackBerry)|^Get Outlook for (?:iOS|Android)/i;
const LIST_ITEM = /^\s*(?:[-*•]|\d{1,2}[.)])\s+/;

/**
 * An attribution line before a quoted earlier message — "On Mon, 2 Mar 2026 at 16:02, Maya Chen
 * <maya@vendor.com> wrote:" (Gmail wraps it onto two lines), or "Maya Chen wrote:" right above
 * ">" lines — with the earlier sender's name and the line it ends on.
 */
function readAttribution(lines: string[], index: number): { sender: string; lastLine: number } | null {
  const line = (lines[index] ?? "").trim();
  const next = (lines[index + 1] ?? "").trim();
  if (/^On\s/.test(line)) {
    const wrapped = !/wrote:$/.test(line) && /wrote:$/.test(next);
    if (!wrapped && !/wrote:$/.test(line)) return null;
    const text = (wrapped ? `${line} ${next}` : line).replace(/^On\s+/, "").replace(/\s*wrote:$/, "");
    const sender = senderInAttribution(text);
    return sender ? { sender, lastLine: wrapped ? index + 1 : index } : null;
  }
  const short = /^([^>].{0,79}?)\s+wrote:$/.exec(line);
  if (
    !short?.[1] ||
    !/^>/.test(
      lines
        .slice(index + 1)
        .find((candidate) => candidate.trim() !== "")
        ?.trim() ?? "",
    )
  )
    return null;
  const { name, address } = parseAddress(short[1]);
  return { sender: name || address, lastLine: index };
}

function senderInAttribution(attribution: string): string | null {
  const address = /<([^<>@\s]+@[^<>\s]+)>\s*$/.exec(attribution)?.[1] ?? null;
  const text = attribution.replace(/<[^<>]*>\s*$/, "").trim();
  // The name follows the date and time ("… 2026 at 4:02 PM Maya Chen", "02/03/2026 16:02, Maya Chen").
  const afterTime = /\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?\s*,?\s*([^\d]*)$/.exec(text);
  const name = unquote(
    (afterTime ? (afterTime[1] ?? "") : text.slice(text.lastIndexOf(",") + 1)).replace(/^[,\s]+/, ""),
  );
  return name !== "" ? name : address;
}

/**
 * The messages of a body, newest (the body's own text) first, then the earlier ones it quotes
 * or carries below a separator. Quoted lines after an attribution belong to the attributed
 * sender, also when the reply answers between them; quoted lines with no attribution belong to
 * nobody and are left out.
 */
function readThread(lines: string[], sender: string, names: NameBook): Message[] {
  const own: string[] = [];
  const earlier: Message[] = [];
  let quote: { sender: string; lines: string[] } | null = null;
  const flushQuote = () => {
    if (quote) earlier.push(...readThread(quote.lines, quote.sender, names));
    quote = null;
  };
  let inSignature = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const attribution = readAttribution(lines, index);
    if (attribution) {
      flushQuote();
      quote = { sender: attribution.sender, lines: [] };
      index = attribution.lastLine;
      inSignature = false;
      continue;
    }
    const headerStart = SEPARATOR.test(line) ? index + 1 : isOutlookBlockStart(lines, index) ? index : -1;
    if (headerStart >= 0) {
      let start = headerStart;
      while (start < lines.length && (lines[start] ?? "").trim() === "") start++;
      const block = readHeaderBlock(lines, start);
      const rest = block ? lines.slice(block.next) : lines.slice(start);
      const previousSender = block ? names.senderOf(block.headers.get("from")) : UNKNOWN_SENDER;
      flushQuote();
      earlier.push(...readThread(rest, previousSender, names));
      break;
    }
    if (/^\s*>/.test(line)) {
      if (own.at(-1)?.trim()) own.push("");
      const current: { sender: string; lines: string[] } | null = quote;
      if (current) {
        // A reply written between quoted lines splits the quote into separate paragraphs.
        if (index > 0 && !/^\s*>/.test(lines[index - 1] ?? "")) current.lines.push("");
        current.lines.push(line.replace(/^\s*> ?/, ""));
      }
      continue;
    }
    if (SIGNATURE.test(line)) inSignature = true;
    if (inSignature || MOBILE_FOOTER.test(line.trim())) continue;
    own.push(line);
  }
  flushQuote();
  return [{ sender, paragraphs: paragraphsOf(own) }, ...earlier];
}

/** Outlook pastes earlier messages as a bare "From: … / Sent: …" block after a blank line. */
function isOutlookBlockStart(lines: string[], index: number): boolean {
  if (!/^From:\s*\S/.test(lines[index] ?? "")) return false;
  if (index > 0 && (lines[index - 1] ?? "").trim() !== "") return false;
  for (let next = index + 1; next < Math.min(lines.length, index + 6); next++)
    if (/^(Sent|Date):\s*\S/.test(lines[next] ?? "")) return true;
  return false;
}

/** Mail wraps lines at ~72 characters, so a paragraph (or a list item) is the unit, not a line. */
function paragraphsOf(lines: string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const text = squeezeSpaces(current.join(" "));
    if (text) paragraphs.push(text);
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === "") flush();
    else {
      if (LIST_ITEM.test(line)) flush();
      current.push(line.replace(LIST_ITEM, ""));
    }
  }
  flush();
  return paragraphs;
}
