// JSON logs (pino). Request-scoped children carry `requestId` on every line.
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "shipboard" },
  timestamp: pino.stdTimeFunctions.isoTime,
});
