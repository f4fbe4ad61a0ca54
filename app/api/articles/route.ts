// POST /api/articles — ingests articles like `npm run ingest` (session required):
//   JSON {"text", "name"?, "date"?} or {"url", "date"?}, or multipart/form-data with `files`
//   (one or more), optionally `text` + `name`, `url` (web addresses, separated by white space)
//   and `date` (YYYY-MM-DD, the publication day to assume).
// Every file is checked by the same rules as the CLI; an address is fetched with its limits and
// refused when it is on this machine or a private network (lib/server/fetch/), and its page read
// for its article. Rejected inputs are listed with their reason and the rest is stored in one
// transaction. 422 when nothing could be read.
// Analysis runs in a worker thread within UPLOAD_TIME_LIMIT_MS and UPLOAD_HEAP_MB
// (lib/store/upload.ts): a limit hit is a 422 naming it, and a client that goes away stops
// the analysis; either way nothing is stored.
import { parseDayText } from "@/lib/core/days";
import { z } from "zod";
import { authorize } from "@/lib/server/auth";
import { getPrisma } from "@/lib/store/client";
import { BodyError, jsonError, readJson, withErrors } from "@/lib/server/http";
import type { BatchInput } from "@/lib/ingest/batch";
import { fetchArticleInputs, isWebAddress } from "@/lib/server/fetch/article-input";
import { ingestUpload, type UploadResult } from "@/lib/store/upload";
import { uploadLimits } from "@/lib/store/upload-limits";

export const dynamic = "force-dynamic";

const MAX_FILES = 200;
/** Pages fetched for one request at most: each may take the fetch's whole time limit. */
const MAX_ADDRESSES = 10;
const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const name = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^/\\\0]+$/, "a file name, not a path");
const textBody = z
  .object({
    text: z.string().min(1, "the article text is empty").optional(),
    name: name.optional(),
    url: z.string().trim().refine(isWebAddress, "an http:// or https:// address").optional(),
    date: isoDay.optional(),
  })
  .strict()
  .refine((body) => (body.text === undefined) !== (body.url === undefined), { message: "give the article's text or its address (url), not both", path: ["text"] });

/** The web addresses of a form field: separated by white space, each http(s). */
function addressesOf(field: FormDataEntryValue | null): string[] {
  if (typeof field !== "string" || field.trim() === "") return [];
  const addresses = field.trim().split(/\s+/);
  const bad = addresses.find((a) => !isWebAddress(a));
  if (bad !== undefined) throw new BodyError("invalid request body", { url: `${bad.slice(0, 100)} is not an http:// or https:// address` });
  if (addresses.length > MAX_ADDRESSES) throw new BodyError("invalid request body", { url: `at most ${MAX_ADDRESSES} addresses per request` });
  return addresses;
}

function pastedName(label: string | undefined): string {
  return `pasted/${label ?? `article-${new Date().toISOString().replace(/[:.]/g, "-")}.txt`}`;
}

interface RequestInputs {
  inputs: BatchInput[];
  /** Web addresses to fetch. */
  addresses: string[];
  date?: string;
}

async function readMultipart(request: Request): Promise<RequestInputs> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_UPLOAD_BYTES) throw new BodyError(`upload larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, {}, 413);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new BodyError("the upload could not be read as multipart/form-data", { files: "unreadable upload" });
  }
  const inputs: BatchInput[] = [];
  for (const entry of form.getAll("files")) {
    if (typeof entry === "string") throw new BodyError("invalid request body", { files: "expected files, got text" });
    // A file input left empty still sends a part: no file name, no bytes. It is not a file.
    if (entry.name === "" && entry.size === 0) continue;
    inputs.push({ path: `upload/${entry.name || "unnamed"}`, bytes: Buffer.from(await entry.arrayBuffer()) });
  }
  const text = form.get("text");
  if (typeof text === "string" && text.trim() !== "") {
    const label = form.get("name");
    const parsedName = typeof label === "string" && label.trim() ? name.safeParse(label) : null;
    if (parsedName && !parsedName.success) throw new BodyError("invalid request body", { name: parsedName.error.issues[0].message });
    inputs.push({ path: pastedName(parsedName?.data), bytes: Buffer.from(text, "utf8") });
  }
  const addresses = addressesOf(form.get("url"));
  if (inputs.length === 0 && addresses.length === 0) throw new BodyError("invalid request body", { files: "choose at least one file, paste a text or give an address" });
  if (inputs.length > MAX_FILES) throw new BodyError("invalid request body", { files: `at most ${MAX_FILES} files per upload` });
  const date = form.get("date");
  if (typeof date === "string" && date.trim() !== "") {
    // The form's field reads days as the page writes them ("4 Jan 2026") as well as YYYY-MM-DD.
    const day = parseDayText(date);
    if (!day) throw new BodyError("invalid request body", { date: "a day such as 4 Jan 2026 or 2026-01-04" });
    return { inputs, addresses, date: day };
  }
  return { inputs, addresses };
}

async function readJsonBody(request: Request): Promise<RequestInputs> {
  const body = await readJson(request, textBody);
  if (body.url !== undefined) return { inputs: [], addresses: [body.url], date: body.date };
  return { inputs: [{ path: pastedName(body.name), bytes: Buffer.from(body.text ?? "", "utf8") }], addresses: [], date: body.date };
}

export async function POST(request: Request): Promise<Response> {
  return withErrors("POST /api/articles", async () => {
    const auth = await authorize(request);
    if (!auth.ok) return auth.response;
    const type = request.headers.get("content-type") ?? "";
    const { inputs, addresses, date } = /^multipart\/form-data/i.test(type) ? await readMultipart(request) : await readJsonBody(request);
    const pages = await fetchArticleInputs(addresses, { signal: request.signal });
    const all = [...inputs, ...pages.inputs];
    const upload: UploadResult =
      all.length > 0 ? await ingestUpload(getPrisma(), all, { date, signal: request.signal, limits: uploadLimits() }) : { summary: null, rejected: [] };
    const rejected = [...pages.rejected, ...upload.rejected].map((r) => ({ path: r.path, reason: r.reason }));
    if (!upload.summary) {
      return jsonError(422, rejected.length === 1 ? rejected[0].reason : "no article could be read", { rejected });
    }
    return Response.json({ ...upload.summary, rejected }, { status: 200 });
  });
}
