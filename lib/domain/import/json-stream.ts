import Assembler from "stream-json/core/assembler.js";
import { jsonParser, type Token } from "stream-json/core/parser.js";
import { getManyValues, isMany, none, type Many } from "stream-chain/defs.js";
import { ImportFormatError } from "./model";

/** What a streamed JSON document is handed to: its top-level fields, and its top-level arrays element by element. */
export interface JsonDocumentVisitor {
  field(key: string, value: unknown): void;
  array(key: string): void;
  item(key: string, value: unknown): void;
}

/** The error for text that is not JSON, or JSON cut short. */
export function unreadableJson(text: string): ImportFormatError {
  const looksLikeCsv = !/^\s*[[{]/.test(text);
  return new ImportFormatError(
    looksLikeCsv ? "WRONG_KIND" : "INVALID_JSON",
    looksLikeCsv ? "This file is not JSON: pick the CSV source that exported it." : "The JSON is incomplete or damaged (a truncated download?): export it again.",
  );
}

/**
 * Reads a JSON document from text chunks (stream-json's tokenizer) without building the whole
 * tree: each top-level field and each element of a top-level array is assembled alone, handed to
 * the visitor and dropped. A document that is not an object hands nothing over; text that is not
 * JSON, or stops early, is an `ImportFormatError`.
 */
export async function readJsonDocument(chunks: AsyncIterable<string>, visitor: JsonDocumentVisitor): Promise<void> {
  // A stream-chain stage: text in, tokens out; called with `none` at the end to flush.
  const tokenize = jsonParser({ packValues: true, streamValues: false }) as (input: string | typeof none) => Token | Many<Token> | typeof none;
  let depth = 0;
  let key = "";
  let assembling: { assembler: Assembler; done: (value: unknown) => void } | null = null;
  const assemble = (token: Token, done: (value: unknown) => void) => {
    assembling = { assembler: new Assembler(), done };
    take(token);
  };
  const take = (token: Token) => {
    // The tokenizer's strings are views into the text chunk they came from (V8 keeps a substring
    // as a slice of its parent): one kept id would keep its whole chunk alive, and the kept ids and
    // comments of a large board would keep the whole file. A flat copy is handed over instead.
    if (token.name === "stringValue") token = { name: "stringValue", value: ` ${token.value}`.slice(1) };
    if (assembling) {
      assembling.assembler.consume(token);
      if (!assembling.assembler.done) return;
      const { assembler, done } = assembling;
      assembling = null;
      done(assembler.current);
      return;
    }
    if (depth === 0) {
      if (token.name === "startObject") depth = 1;
      else assemble(token, () => {}); // not an object: read to its end, hand nothing over
    } else if (depth === 1) {
      if (token.name === "keyValue") key = token.value;
      else if (token.name === "startArray") {
        depth = 2;
        visitor.array(key);
      } else if (token.name === "endObject") depth = 0;
      else {
        const field = key;
        assemble(token, (value) => visitor.field(field, value));
      }
    } else if (token.name === "endArray") depth = 1;
    else {
      const array = key;
      assemble(token, (value) => visitor.item(array, value));
    }
  };
  let head: string | null = null;
  // Only the tokenizer's errors mean bad input; a visitor's own errors pass through.
  const feed = (input: string | typeof none) => {
    let tokens: Token | Many<Token> | typeof none;
    try {
      tokens = tokenize(input);
    } catch {
      throw unreadableJson(head ?? "");
    }
    if (tokens === none) return;
    if (isMany(tokens)) for (const token of getManyValues(tokens)) take(token);
    else take(tokens);
  };
  for await (const chunk of chunks) {
    if (head === null) {
      head = chunk.replace(/^\uFEFF/, "");
      feed(head);
    } else feed(chunk);
  }
  feed(none);
  if (head === null || depth !== 0 || assembling) throw unreadableJson(head ?? "");
}
