// Set-up for bench/board.ts: a database (PGlite in memory, or a scratch PostgreSQL database), a
// project with N cards spread over the default columns (bulk insert, real ranks), and a model of
// each client's cards so moves can name valid neighbours without asking the server.
import pg from "pg";
import { compareRanks, ranksBetween } from "@/lib/domain/ranking";
import { openDatabase, setDatabase, type Database } from "@/lib/server/database";
import { createScratchPostgres } from "@/lib/server/testing/test-database";
import { tokenFor } from "@/lib/server/testing/http";
import { makeWorld } from "@/prisma/factories";

/** `url`: the scratch PostgreSQL database, for a separate statistics connection. */
export type Target = { name: string; database: Database; url?: string; dispose: () => Promise<void> };

export async function openPglite(): Promise<Target> {
  const database = openDatabase({ kind: "pglite", dataDir: "memory://" });
  await database.migrate();
  setDatabase(database);
  return { name: "PGlite (in memory)", database, dispose: () => database.close() };
}

export async function openPostgres(serverUrl: string): Promise<Target> {
  process.env.TEST_DATABASE_URL = serverUrl;
  const scratch = await createScratchPostgres();
  const database = openDatabase({ kind: "postgres", url: scratch.url, poolSize: 10 });
  await database.migrate();
  setDatabase(database);
  return { name: "PostgreSQL", database, url: scratch.url, dispose: async () => (await database.close(), await scratch.drop()) };
}

export type BenchCard = { key: string; columnId: string; version: number };

export async function seedBoard(database: Database, projectKey: string, cardCount: number) {
  const world = await makeWorld(projectKey);
  const { projectId } = world.project;
  const prisma = database.prisma;
  // No WIP limits: the bench measures moves, not refusals.
  await prisma.column.updateMany({ where: { projectId }, data: { wipLimit: null } });
  const columns = await prisma.column.findMany({ where: { projectId }, orderBy: { rank: "asc" }, select: { id: true, name: true } });
  const users = Object.values(world.users);
  const perColumn = columns.map((_, index) => Math.floor(cardCount / columns.length) + (index < cardCount % columns.length ? 1 : 0));
  const boardRanks = perColumn.map((n) => ranksBetween(null, null, n));
  const projectRanks = ranksBetween(null, null, cardCount);
  const rows = [];
  let number = 0;
  for (const [index, column] of columns.entries()) {
    for (const boardRank of boardRanks[index]!) {
      number++;
      rows.push({
        projectId,
        number,
        key: `${projectKey}-${number}`,
        title: `Bench card ${number}: a realistic title of a few words`,
        columnId: column.id,
        boardRank,
        rank: projectRanks[number - 1]!,
        assigneeId: number % 3 === 0 ? users[number % users.length]!.id : null,
        labels: number % 4 === 0 ? ["backend", "checkout"] : [],
        estimate: number % 5,
        createdById: world.users.MEMBER.id,
      });
    }
  }
  for (let start = 0; start < rows.length; start += 1000) await prisma.card.createMany({ data: rows.slice(start, start + 1000) });
  await prisma.project.update({ where: { id: projectId }, data: { nextCardNumber: cardCount + 1 } });
  return { world, columns: columns.map((column) => column.id), token: await tokenFor(world.users.MEMBER.id) };
}

/** The project's cards as they are now, in board order (the input of ClientModel). */
export async function currentCards(database: Database, projectId: string): Promise<BenchCard[]> {
  const rows = await database.prisma.card.findMany({ where: { projectId }, select: { key: true, columnId: true, boardRank: true, version: true } });
  rows.sort((a, b) => compareRanks(a.boardRank, b.boardRank));
  return rows.map(({ key, columnId, version }) => ({ key, columnId, version }));
}

/**
 * One client's view of its own cards: per column, their keys in board order. Other clients
 * only move their own cards, so this order stays true; the anchors it names may have other
 * clients' cards between them, which the server handles (the card lands below `afterKey`).
 */
export class ClientModel {
  private readonly order = new Map<string, string[]>();
  private readonly cards: readonly BenchCard[];

  /** `cards` in board order. */
  constructor(cards: BenchCard[], columns: string[]) {
    for (const column of columns) this.order.set(column, []);
    for (const card of cards) this.order.get(card.columnId)!.push(card.key);
    this.cards = cards;
    this.columns = columns;
  }
  readonly columns: string[];

  /** A random move of a random own card to another column, at a random place among own cards. */
  nextMove(random: () => number) {
    const card = this.cards[Math.floor(random() * this.cards.length)]!;
    const targets = this.columns.filter((column) => column !== card.columnId);
    const toColumnId = targets[Math.floor(random() * targets.length)]!;
    const list = this.order.get(toColumnId)!;
    const at = Math.floor(random() * (list.length + 1));
    return { card, body: { toColumnId, afterKey: list[at - 1], beforeKey: list[at], version: card.version }, at };
  }

  applied(move: ReturnType<ClientModel["nextMove"]>, version: number) {
    const from = this.order.get(move.card.columnId)!;
    from.splice(from.indexOf(move.card.key), 1);
    // "below afterKey": with other clients' cards around, the slot among own cards stays `at`.
    this.order.get(move.body.toColumnId)!.splice(move.at, 0, move.card.key);
    move.card.columnId = move.body.toColumnId;
    move.card.version = version;
  }
}

/** Deterministic pseudo-random numbers, so runs are comparable. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Whether a PostgreSQL server answers at `url` (benchmarks skip its figures when it does not). */
export async function postgresReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
