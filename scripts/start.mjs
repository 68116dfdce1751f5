// `npm start`: build once if needed, prepare the database (migrate; seed the demo workspace on a
// fresh embedded database), then run the server.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";

const tsx = ["--conditions=react-server", "--import", "tsx"];

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function buildIsCurrent() {
  if (!existsSync(".next/BUILD_ID") || !existsSync(".next/shipboard-build-stamp")) return false;
  return readFileSync(".next/shipboard-build-stamp", "utf8") === sourceStamp();
}

// Rebuild when the commit or the work tree changed since the last build.
function sourceStamp() {
  const head = spawnSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).stdout?.trim() ?? "";
  const dirty = spawnSync("git", ["status", "--porcelain", "--", "app", "components", "lib", "proxy.ts"], { encoding: "utf8" }).stdout ?? "";
  return `${head}\n${dirty}\n${statSync("package-lock.json", { throwIfNoEntry: false })?.mtimeMs ?? 0}`;
}

if (process.env.SKIP_BUILD !== "1" && !buildIsCurrent()) {
  console.log("Building Shipboard (first start takes a minute)…");
  run("npx", ["next", "build"], { NEXT_TELEMETRY_DISABLED: "1" });
  const { writeFileSync } = await import("node:fs");
  writeFileSync(".next/shipboard-build-stamp", sourceStamp());
}
run(process.execPath, [...tsx, "scripts/db.ts", "prepare"]);
const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  stdio: "inherit",
  env: { NODE_ENV: "production", ...process.env },
});
// The server shuts down gracefully on these; forward them rather than dying first.
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
