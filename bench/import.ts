// Import benchmark on PostgreSQL, through the production server: a generated Trello board of
// 20,000 cards and 200,000 actions is uploaded to POST /api/v1/projects/{key}/imports, the run is
// followed with GET /api/v1/imports/{id} until it succeeds, then the project is exported
// (GET /export, JSON and CSV) while the stream is read to its end.
//   npm run bench:import   (scratch database on TEST_DATABASE_URL, default the local server; builds first if needed)
// Prints the import time (target <= 60 s), the server's peak resident memory (VmHWM of the server
// process, target <= 600 MB) and the export streaming time (target <= 10 s).
import { readFileSync } from "node:fs";
import { ensureBuild, startProductionServer, type ProductionServer } from "./production-server";

process.env.AUTH_SECRET ??= "bench-secret-not-for-production";
process.env.LOG_LEVEL ??= "silent";
process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

const CARDS = Number(process.env.BENCH_CARDS ?? 20_000);
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 200_000);
const LISTS = ["Backlog", "Ready", "Doing", "Review", "Testing", "Done"];
const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * A Trello export as Trello writes it: lists, cards with labels and a checklist on every tenth,
 * and actions newest first: a createCard per card, comments on every twentieth card, and the rest
 * moves between lists (`listBefore`/`listAfter`) over a year, ending in each card's list.
 */
function generateBoard(): string {
  const hex = (n: number, width = 24) => n.toString(16).padStart(width, "0");
  const lists = LISTS.map((name, i) => ({ id: hex(0xa0000 + i), name, closed: false, pos: (i + 1) * 16384 }));
  const labels = ["bug", "feature", "ops"].map((name, i) => ({ id: hex(0xb0000 + i), name, color: ["red", "green", "blue"][i] }));
  const members = [0, 1, 2, 3].map((i) => ({ id: hex(0xc0000 + i), fullName: `Member ${i}`, username: `member${i}` }));
  const comments = Math.floor(CARDS / 20);
  const moves = ACTIONS - CARDS - comments;
  const start = Date.UTC(2025, 0, 1);
  const cards = [];
  const checklists = [];
  const actions: object[] = [];
  for (let c = 0; c < CARDS; c++) {
    const cardId = hex(0xd000000 + c);
    const path = Math.floor(moves / CARDS) + (c < moves % CARDS ? 1 : 0);
    const created = start + Math.floor((c / CARDS) * (YEAR_MS / 2));
    const step = Math.floor(YEAR_MS / 2 / (path + 1));
    const member = members[c % members.length]!;
    let at = created;
    let listIndex = 0;
    actions.push({ id: hex(0xe000000 + actions.length), type: "createCard", date: new Date(at).toISOString(), data: { card: { id: cardId, name: `Card ${c}` }, list: { id: lists[0]!.id } }, memberCreator: { fullName: member.fullName } });
    for (let m = 0; m < path; m++) {
      // Forward mostly, back one list now and then, never past the last list.
      const back = (m % 4 === 3 && listIndex > 0) || listIndex === LISTS.length - 1;
      const next = back ? listIndex - 1 : listIndex + 1;
      at += step;
      actions.push({
        id: hex(0xe000000 + actions.length),
        type: "updateCard",
        date: new Date(at).toISOString(),
        data: { card: { id: cardId }, listBefore: { id: lists[listIndex]!.id }, listAfter: { id: lists[next]!.id }, old: { idList: lists[listIndex]!.id } },
        memberCreator: { fullName: member.fullName },
      });
      listIndex = next;
    }
    if (c % 20 === 0) actions.push({ id: hex(0xe000000 + actions.length), type: "commentCard", date: new Date(at + 1000).toISOString(), data: { card: { id: cardId }, text: `Comment on card ${c}` }, memberCreator: { fullName: member.fullName } });
    cards.push({ id: cardId, name: `Card ${c}: a realistic title of a few words`, desc: c % 3 ? "" : `Description of card ${c}`, idList: lists[listIndex]!.id, pos: c * 16, closed: false, idLabels: c % 2 ? [labels[c % 3]!.id] : [], idMembers: [member.id], due: null });
    if (c % 10 === 0) checklists.push({ id: hex(0xf000000 + c), idCard: cardId, name: "Done means", pos: 1, checkItems: [{ name: "Tested", state: "complete", pos: 1 }, { name: "Documented", state: "incomplete", pos: 2 }] });
  }
  actions.sort((a, b) => ((b as { date: string }).date < (a as { date: string }).date ? -1 : 1));
  return JSON.stringify({ id: hex(0x1), name: "Bench board", lists, labels, members, cards, checklists, actions });
}

/** Peak and current resident memory of a process, in MB (Linux /proc). */
function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { peak: kb("VmHWM") / 1024, now: kb("VmRSS") / 1024 };
}

async function main() {
  ensureBuild();
  const [{ openDatabase, setDatabase }, { createScratchPostgres }, { tokenFor }, { makeWorld }] = await Promise.all([
    import("@/lib/server/database"),
    import("@/lib/server/testing/test-database"),
    import("@/lib/server/testing/http"),
    import("@/prisma/factories"),
  ]);
  const scratch = await createScratchPostgres();
  const database = openDatabase({ kind: "postgres", url: scratch.url, poolSize: 4 });
  let server: ProductionServer | null = null;
  try {
    await database.migrate();
    setDatabase(database);
    const world = await makeWorld("BENCH");
    const token = await tokenFor(world.users.PRODUCT_OWNER.id);
    const headers = { authorization: `Bearer ${token}` };

    server = await startProductionServer({ DATABASE_URL: scratch.url });
    const { base } = server;
    const pid = server.process.pid!;
    const idle = memoryOf(pid);

    const file = generateBoard();
    console.log(`PostgreSQL, production server (next build + server.ts, NODE_ENV=production), pid ${pid}, idle RSS ${idle.now.toFixed(0)} MB`);
    console.log(`generated Trello board: ${CARDS.toLocaleString()} cards, ${ACTIONS.toLocaleString()} actions, ${(Buffer.byteLength(file) / 1024 / 1024).toFixed(1)} MB`);

    let peakSample = idle.now;
    const sampler = setInterval(() => {
      if (server!.process.exitCode === null) peakSample = Math.max(peakSample, memoryOf(pid).now);
    }, 100);
    const form = new FormData();
    form.set("source", "trello");
    form.set("dryRun", "false");
    form.set("file", new Blob([file], { type: "application/json" }), "bench-board.json");
    const started = performance.now();
    const created = await fetch(`${base}/api/v1/projects/BENCH/imports`, { method: "POST", headers, body: form });
    if (created.status !== 202) throw new Error(`import refused: ${created.status} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };
    const accepted = performance.now() - started;
    let run: { status: string; progress: number; summary?: { cardsCreated: number; events: number; comments: number; checklistItems: number }; error?: string };
    const progressSeen = new Set<number>();
    do {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (server.process.exitCode !== null) throw new Error(`the server exited (${server.process.exitCode}) during the import`);
      run = await (await fetch(`${base}/api/v1/imports/${id}`, { headers })).json();
      progressSeen.add(run.progress);
    } while (run.status === "queued" || run.status === "running");
    const importSeconds = (performance.now() - started) / 1000;
    if (run.status !== "succeeded") throw new Error(`import ${run.status}: ${run.error}`);
    const afterImport = memoryOf(pid);
    console.log(`import: ${importSeconds.toFixed(1)} s from upload to "succeeded" (target <= 60 s); accepted (202) after ${(accepted / 1000).toFixed(1)} s`);
    console.log(`  wrote ${run.summary!.cardsCreated.toLocaleString()} cards, ${run.summary!.events.toLocaleString()} history events, ${run.summary!.comments.toLocaleString()} comments, ${run.summary!.checklistItems.toLocaleString()} checklist items; progress seen: ${[...progressSeen].sort((a, b) => a - b).join(", ")} %`);

    const exportTimes: Record<string, { seconds: number; bytes: number }> = {};
    for (const format of ["json", "csv"]) {
      const begin = performance.now();
      const res = await fetch(`${base}/api/v1/projects/BENCH/export?format=${format}`, { headers });
      let bytes = 0;
      const reader = res.body!.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
      exportTimes[format] = { seconds: (performance.now() - begin) / 1000, bytes };
      if (!res.ok) throw new Error(`export ${format}: ${res.status}`);
    }
    clearInterval(sampler);
    const final = memoryOf(pid);
    for (const [format, { seconds, bytes }] of Object.entries(exportTimes)) {
      console.log(`export ${format}: streamed ${(bytes / 1024 / 1024).toFixed(1)} MB in ${seconds.toFixed(1)} s${format === "json" ? " (target <= 10 s)" : ""}`);
    }
    console.log(`server memory: peak RSS ${final.peak.toFixed(0)} MB (VmHWM over the whole run, target <= 600 MB); highest 100 ms sample ${Math.max(peakSample, final.now).toFixed(0)} MB; after the import ${afterImport.now.toFixed(0)} MB`);
  } finally {
    await server?.stop();
    await database.close();
    await scratch.drop();
  }
}

await main();
