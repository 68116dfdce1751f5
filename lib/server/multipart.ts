import "server-only";
import { createWriteStream, openAsBlob } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";

export interface MultipartBody {
  /** Text fields as strings; each file as a Blob read from disk, with its name in `<field>Name`. */
  fields: Record<string, string | Blob>;
  /** Deletes the files: call it once the request is answered. */
  release(): Promise<void>;
}

/**
 * Reads a multipart/form-data body as it streams in (busboy): files go straight to a temporary
 * folder, so an upload of up to `maxFileBytes` never sits in memory. A file over the limit is cut
 * one byte past it, for the caller's size check to refuse. Throws on a body that is not multipart.
 */
export async function readMultipart(req: Request, maxFileBytes: number): Promise<MultipartBody> {
  const folder = await mkdtemp(path.join(tmpdir(), "shipboard-upload-"));
  const release = () => rm(folder, { recursive: true, force: true });
  try {
    const fields: Record<string, string | Blob> = {};
    const files: Array<Promise<void>> = [];
    const parser = busboy({ headers: { "content-type": req.headers.get("content-type") ?? "" }, limits: { fileSize: maxFileBytes + 1 } });
    parser.on("field", (name, value) => (fields[name] = value));
    parser.on("file", (name, stream, info) => {
      const file = path.join(folder, String(files.length));
      files.push(
        pipeline(stream, createWriteStream(file)).then(async () => {
          fields[name] = await openAsBlob(file);
          if (info.filename && !(`${name}Name` in fields)) fields[`${name}Name`] = info.filename;
        }),
      );
    });
    await pipeline(req.body ? Readable.fromWeb(req.body as NodeReadableStream<Uint8Array>) : Readable.from([]), parser);
    await Promise.all(files);
    return { fields, release };
  } catch (error) {
    await release();
    throw error;
  }
}
