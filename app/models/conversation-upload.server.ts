import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { CONVERSATION_MAX_BYTES } from "../domain/conversation-parsing.ts";
import { FIELD_TOO_LONG, FORM_FIELD_MAX_CHARACTERS } from "../lib/form-data.server.ts";
import { httpError } from "../lib/http-error.server.ts";
import { CONVERSATION_IMPORT_MAX_BYTES, CONVERSATION_IMPORT_MAX_FILES } from "../schemas/conversation.ts";

// Reading a conversation import: several files, or pasted text, or (step two) the texts the
// preview carried back. The same approach as csv-upload.server.ts — the declared length first,
// then every byte counted while read, since a client may send none or lie — with a limit per
// file (PRODUCT.md §6: a clear sentence, nothing written) and one for the whole request.

// Room for the multipart framing and the form's small fields around the largest allowed files.
const FRAMING_ALLOWANCE = 64 * 1024;
const MB = 1024 * 1024;

export const UPLOAD_TOO_LARGE = `These files are larger than ${CONVERSATION_IMPORT_MAX_BYTES / MB} MB together. Import them in smaller groups, one after another.`;
export const TOO_MANY_FILES = `Import at most ${CONVERSATION_IMPORT_MAX_FILES} files at once.`;

/** One file or pasted text as it arrived. Exactly one of bytes and text is set, unless the file was too large. */
export interface ConversationUploadItem {
  fileName: string;
  bytes: Uint8Array | null;
  text: string | null;
  /** Over CONVERSATION_MAX_BYTES: refused on its own, its content not kept. */
  tooLarge: boolean;
}

export interface ConversationUpload {
  /** The form's small fields: intent, dealId, occurredOn, speaker-<n>. */
  field: (name: string) => string;
  items: ConversationUploadItem[];
}

class UploadTooLarge extends Error {}
class FieldTooLong extends Error {}

/** The name a pasted text goes by in messages and on the stored conversation. */
export const PASTED_NAME = "Pasted text";

// Fields that carry a whole conversation's text; every other field is a small form value.
const TEXT_FIELDS = new Set(["text", "pasted"]);

export async function readConversationUpload(request: Request): Promise<ConversationUpload> {
  const limit = CONVERSATION_IMPORT_MAX_BYTES + FRAMING_ALLOWANCE;
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw httpError(413, UPLOAD_TOO_LARGE);
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    throw httpError(400, "Choose the files with the form on this page.");
  }
  let total = 0;
  const files: ConversationUploadItem[] = [];
  const handler: UploadHandler = async ({ name, filename, data: body }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of body) {
      total += chunk.byteLength;
      size += chunk.byteLength;
      if (total > limit) throw new UploadTooLarge();
      // A file over its own limit is still read to the end (the stream must be drained), but not kept.
      if (size <= CONVERSATION_MAX_BYTES + 1) chunks.push(chunk);
    }
    if (filename !== undefined) {
      // A file input left empty still sends a part with no name and no content.
      if (name === "files" && (filename !== "" || size > 0)) {
        const tooLarge = size > CONVERSATION_MAX_BYTES;
        files.push({
          fileName: filename || "Unnamed file",
          bytes: tooLarge ? null : Buffer.concat(chunks),
          text: null,
          tooLarge,
        });
      }
      return undefined;
    }
    const value = Buffer.concat(chunks).toString("utf8");
    if (!TEXT_FIELDS.has(name) && value.length > FORM_FIELD_MAX_CHARACTERS) throw new FieldTooLong();
    return value;
  };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (error instanceof UploadTooLarge) throw httpError(413, UPLOAD_TOO_LARGE);
    if (error instanceof FieldTooLong) throw httpError(413, FIELD_TOO_LONG);
    throw httpError(400, "The upload could not be read. Choose the files again and retry.");
  }
  const strings = (name: string) => form.getAll(name).filter((value): value is string => typeof value === "string");
  const carriedNames = strings("fileName");
  const textItem = (text: string, fileName: string): ConversationUploadItem => {
    const tooLarge = Buffer.byteLength(text, "utf8") > CONVERSATION_MAX_BYTES;
    return { fileName, bytes: null, text: tooLarge ? null : text, tooLarge };
  };
  const carried = strings("text").map((text, index) => textItem(text, carriedNames[index] || PASTED_NAME));
  const pasted = strings("pasted").filter((text) => text.trim() !== "");
  const items = [...files, ...carried, ...pasted.map((text) => textItem(text, PASTED_NAME))];
  if (items.length > CONVERSATION_IMPORT_MAX_FILES) throw httpError(400, TOO_MANY_FILES);
  return {
    field: (name) => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    },
    items,
  };
}
