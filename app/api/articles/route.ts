// POST /api/articles — ingests articles like `npm run ingest` (session required):
//   JSON {"text", "name"?, "date"?}, or multipart/form-data with `files` (one or more),
//   optionally `text` + `name`, and `date` (YYYY-MM-DD, the publication day to assume).
// Every file is checked by the same rules as the CLI; rejected files are listed with
// their reason and the rest is stored in one transaction. 422 when nothing could be read.
// Analysis runs in a worker thread within UPLOAD_TIME_LIMIT_MS and UPLOAD_HEAP_MB
// (lib/store/upload.ts): a limit hit is a 422 naming it, and a client that goes away stops
// the analysis; either way nothing is stored.
import { z } from "zod";
import { authorize } from "@/lib/server/auth";
import { getPrisma } from "@/lib/store/client";
import { BodyError, jsonError, readJson, withErrors } from "@/lib/server/http";
import type { BatchInput } from "@/lib/ingest/batch";
import { ingestUpload } from "@/lib/store/upload";
import { uploadLimits } from "@/lib/store/upload-limits";

export const dynamic = "force-dynamic";

const MAX_FILES = 200;
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
    text: z.string().min(1, "the article text is empty"),
    name: name.optional(),
    date: isoDay.optional(),
  })
  .strict();

function pastedName(label: string | undefined): string {
  return `pasted/${label ?? `article-${new Date().toISOString().replace(/[:.]/g, "-")}.txt`}`;
}

async function readMultipart(request: Request): Promise<{ inputs: BatchInput[]; date?: string }> {
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
  if (inputs.length === 0) throw new BodyError("invalid request body", { files: "choose at least one file or paste a text" });
  if (inputs.length > MAX_FILES) throw new BodyError("invalid request body", { files: `at most ${MAX_FILES} files per upload` });
  const date = form.get("date");
  if (typeof date === "string" && date.trim() !== "") {
    const parsed = isoDay.safeParse(date.trim());
    if (!parsed.success) throw new BodyError("invalid request body", { date: parsed.error.issues[0].message });
    return { inputs, date: parsed.data };
  }
  return { inputs };
}

export async function POST(request: Request): Promise<Response> {
  return withErrors("POST /api/articles", async () => {
    const auth = await authorize(request);
    if (!auth.ok) return auth.response;
    const type = request.headers.get("content-type") ?? "";
    let inputs: BatchInput[];
    let date: string | undefined;
    if (/^multipart\/form-data/i.test(type)) {
      ({ inputs, date } = await readMultipart(request));
    } else {
      const body = await readJson(request, textBody);
      inputs = [{ path: pastedName(body.name), bytes: Buffer.from(body.text, "utf8") }];
      date = body.date;
    }
    const upload = await ingestUpload(getPrisma(), inputs, { date, signal: request.signal, limits: uploadLimits() });
    const rejected = upload.rejected.map((r) => ({ path: r.path, reason: r.reason }));
    if (!upload.summary) {
      return jsonError(422, rejected.length === 1 ? rejected[0].reason : "no article could be read", { rejected });
    }
    return Response.json({ ...upload.summary, rejected }, { status: 200 });
  });
}
