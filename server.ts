// Shipboard's HTTP server: opens the database (migrating it), serves Next.js, and shuts down
// gracefully on SIGTERM: stop accepting, finish in-flight requests, then close the database.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import { setFlagsFromString } from "node:v8";
import next from "next";
import { openDatabase, setDatabase } from "@/lib/server/database";
import { env } from "@/lib/server/env";
import { ensureInstanceSecret } from "@/lib/server/instance-secret";
import { logger } from "@/lib/server/logger";
import { redactUrl } from "@/lib/server/redact-url";
import { HSTS, SECURITY_HEADERS } from "@/lib/server/security-headers";

// On a machine with memory to spare, V8 lets the heap grow to up to 4 times its live size before a
// full collection. Imports and exports make garbage fast, so the server swelled to several times
// what it uses (bench:import: 1.3 GB for about 250 MB live); a full collection at 1.25 times the
// live size keeps it near that. V8 reads this at every collection, so setting it here takes effect.
setFlagsFromString("--heap-growing-percent=25");

const dev = process.argv.includes("--dev");
const SHUTDOWN_GRACE_MS = 15_000;
/** A NUL character, percent-encoded in a path segment or query (a raw one never passes Node's parser). */
const NUL_IN_URL = /%00/i;

/**
 * The client address for throttling, set here so a client cannot choose it: the socket's address,
 * or the first X-Forwarded-For hop when TRUST_PROXY=1 (Shipboard behind a reverse proxy).
 */
function clientAddress(req: IncomingMessage) {
  const forwarded = req.headers["x-forwarded-for"];
  if (process.env.TRUST_PROXY === "1" && typeof forwarded === "string") return forwarded.split(",")[0]!.trim();
  return req.socket.remoteAddress ?? "unknown";
}

/** Whether the browser reached us over HTTPS: TLS here, at the trusted proxy, or a public https:// URL. */
function servedOverHttps(req: IncomingMessage) {
  if ("encrypted" in req.socket && req.socket.encrypted) return true;
  if (process.env.TRUST_PROXY === "1" && req.headers["x-forwarded-proto"] === "https") return true;
  return [env.PUBLIC_URL, env.AUTH_URL].some((url) => url?.startsWith("https://"));
}

function requestId(req: IncomingMessage) {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}

async function main() {
  const database = openDatabase(env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE } : { kind: "pglite", dataDir: env.DATA_DIR });
  setDatabase(database);
  const applied = await database.migrate();
  if (applied.length) logger.info({ applied }, "migrations applied");
  await ensureInstanceSecret(database);
  process.env.AUTH_TRUST_HOST ??= "true";

  const app = next({ dev, hostname: env.HOSTNAME, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  let inFlight = 0;
  let shuttingDown = false;
  const server = createServer((req, res) => {
    const id = requestId(req);
    req.headers["x-request-id"] = id;
    req.headers["x-client-ip"] = clientAddress(req);
    res.setHeader("x-request-id", id);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (servedOverHttps(req)) res.setHeader("strict-transport-security", HSTS);
    if (shuttingDown) res.setHeader("connection", "close");
    if (NUL_IN_URL.test(req.url ?? "")) {
      // No page, route or id can hold U+0000 (PostgreSQL text cannot): refused before any of them runs.
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "VALIDATION_FAILED", message: "The address must not contain a NUL character (%00)." } }));
      return;
    }
    inFlight++;
    const started = performance.now();
    res.on("close", () => {
      inFlight--;
      if (!req.url?.startsWith("/_next/")) {
        logger.info({ requestId: id, method: req.method, url: redactUrl(req.url ?? ""), status: res.statusCode, ms: Math.round(performance.now() - started) }, "request");
      }
    });
    handle(req, res).catch((error) => {
      logger.error({ requestId: id, err: error }, "unhandled request error");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // Longer than the idle timeout of clients and proxies (60 s is common): a client reusing a socket
  // that the server closes at the same moment gets ECONNRESET. close() still drops idle sockets.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(env.PORT, env.HOSTNAME, () => {
    logger.info({ url: `http://localhost:${env.PORT}`, database: database.kind }, "Shipboard is ready");
  });

  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal, inFlight }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      logger.warn({ inFlight }, "grace period over; closing remaining connections");
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // End long-lived streams (SSE) and background workers, which would otherwise hold close() open.
    for (const hook of globalThis.shipboardShutdownHooks ?? []) await hook();
    await closed;
    clearTimeout(force);
    await database.close();
    logger.info("database closed; bye");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

declare global {
  var shipboardShutdownHooks: Array<() => Promise<void>> | undefined;
}

main().catch((error) => {
  logger.fatal({ err: error }, error instanceof Error ? error.message : "start-up failed");
  process.exit(1);
});
