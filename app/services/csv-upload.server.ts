import { data, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { IMPORT_MAX_BYTES, isUtf16, UTF16_FILE } from "../domain/csv-import.ts";

// Reading an import upload (PRODUCT.md §6: size limits answer 413 with a message). The declared
// Content-Length is checked first; the body is also counted while it is read, since a client
// may send none (chunked) or lie.

const TOO_LARGE = `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Split it into smaller files and import them one after another.`;
// Room for the multipart framing and the form's small fields around a file of the maximum size.
const FRAMING_ALLOWANCE = 64 * 1024;

class UploadTooLarge extends Error {}
class Utf16Upload extends Error {}

export interface CsvUpload {
  intent: string;
  /** The CSV text: the uploaded file, or the text carried by the preview's "import" form. */
  text: string;
  fileName: string | null;
}

function tooLarge(): never {
  throw data({ message: TOO_LARGE }, { status: 413 });
}

export async function readCsvUpload(request: Request): Promise<CsvUpload> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > IMPORT_MAX_BYTES + FRAMING_ALLOWANCE) tooLarge();
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    throw data({ message: "Upload the file with the form on this page." }, { status: 400 });
  }
  let total = 0;
  let fileName: string | null = null;
  const handler: UploadHandler = async ({ name, filename, data: body }) => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body) {
      total += chunk.byteLength;
      if (total > IMPORT_MAX_BYTES + FRAMING_ALLOWANCE) throw new UploadTooLarge();
      chunks.push(chunk);
    }
    if (name === "file" && filename) fileName = filename;
    const bytes = Buffer.concat(chunks);
    if (name === "file" && isUtf16(bytes)) throw new Utf16Upload();
    return bytes.toString("utf8");
  };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (error instanceof UploadTooLarge) tooLarge();
    if (error instanceof Utf16Upload) throw data({ message: UTF16_FILE }, { status: 400 });
    throw data({ message: "The upload could not be read. Choose the file again and retry." }, { status: 400 });
  }
  const field = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : "";
  };
  const text = field("file") || field("csv");
  if (Buffer.byteLength(text, "utf8") > IMPORT_MAX_BYTES) tooLarge();
  return { intent: field("intent"), text, fileName };
}
