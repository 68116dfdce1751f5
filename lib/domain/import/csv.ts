import { parse } from "csv-parse/sync";
import { ImportFormatError } from "./model";

/**
 * A CSV export read with csv-parse: byte-order mark dropped, rows of uneven length tolerated,
 * and headers that repeat (Jira's Labels, Sprint, Comment) kept as lists of positions.
 */
export class CsvTable {
  private readonly positions = new Map<string, number[]>();

  constructor(
    readonly header: string[],
    readonly rows: string[][],
  ) {
    header.forEach((name, index) => {
      const key = normalizeHeader(name);
      this.positions.set(key, [...(this.positions.get(key) ?? []), index]);
    });
  }

  has(name: string): boolean {
    return this.positions.has(normalizeHeader(name));
  }

  /** The first non-empty cell under any of these headers. */
  get(row: string[], ...names: string[]): string {
    for (const name of names) {
      for (const index of this.positions.get(normalizeHeader(name)) ?? []) {
        const value = row[index]?.trim();
        if (value) return value;
      }
    }
    return "";
  }

  /** Every non-empty cell under a repeated header, in file order. */
  all(row: string[], name: string): string[] {
    return (this.positions.get(normalizeHeader(name)) ?? []).map((index) => row[index]?.trim() ?? "").filter(Boolean);
  }
}

const normalizeHeader = (name: string) => name.trim().toLowerCase();

export function readCsv(text: string): CsvTable {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    throw new ImportFormatError("INVALID_CSV", `The file is not readable CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header?.length) throw new ImportFormatError("EMPTY_FILE", "The file has no header row.");
  return new CsvTable(header, rows.filter((row) => row.some((cell) => cell.trim())));
}

/** Spreadsheet exports prefix cells that could be read as a formula with `'`; this takes it off. */
export const unescapeFormula = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** Refuses a file that lacks columns the import cannot do without, naming them. */
export function requireColumns(table: CsvTable, required: Array<[string, ...string[]]>, what: string): void {
  const missing = required.filter((names) => !names.some((name) => table.has(name))).map((names) => names[0]);
  if (missing.length) throw new ImportFormatError("MISSING_COLUMNS", `This ${what} has no ${missing.map((name) => `“${name}”`).join(", ")} column: export all fields.`);
}
