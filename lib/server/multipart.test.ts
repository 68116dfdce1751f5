import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { readMultipart } from "./multipart";

const uploadFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith("shipboard-upload-")).length;
const upload = (form: FormData) => new Request("http://localhost/upload", { method: "POST", body: form });

describe("readMultipart", () => {
  it("hands text fields over as strings and a file as a Blob on disk with its name, deleted on release", async () => {
    const form = new FormData();
    form.set("source", "trello");
    form.set("file", new Blob(['{"lists":[]}'], { type: "application/json" }), "board.json");
    const { fields, release } = await readMultipart(upload(form), 1000);
    expect(fields.source).toBe("trello");
    expect(fields.fileName).toBe("board.json");
    const file = fields.file as Blob;
    expect(await file.text()).toBe('{"lists":[]}');
    await release();
    await expect(file.text()).rejects.toThrow();
  });

  it("cuts a file one byte past the limit, for the caller's size check to refuse, and keeps an explicit file name", async () => {
    const form = new FormData();
    form.set("file", new Blob(["x".repeat(50)]), "big.json");
    form.set("fileName", "chosen.json");
    const { fields, release } = await readMultipart(upload(form), 10);
    expect((fields.file as Blob).size).toBe(11);
    expect(fields.fileName).toBe("chosen.json");
    await release();
  });

  it("refuses a body that is not multipart and leaves no folder behind", async () => {
    const folders = uploadFolders();
    const req = new Request("http://localhost/upload", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "not a multipart body" });
    await expect(readMultipart(req, 10)).rejects.toThrow();
    expect(uploadFolders()).toBe(folders);
  });
});
