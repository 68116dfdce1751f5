import { describe, expect, it } from "vitest";
import { publicOrigin } from "./public-origin";

const request = (headers: Record<string, string>, url = "http://0.0.0.0:3000/settings") => ({ url, headers: new Headers(headers) });

describe("publicOrigin", () => {
  it.each([
    ["the Host header, not the listening address", {}, { host: "localhost:3000" }, "http://localhost:3000"],
    ["a LAN name as typed", {}, { host: "Shipboard.LAN:8080" }, "http://shipboard.lan:8080"],
    ["an IPv6 literal", {}, { host: "[::1]:3000" }, "http://[::1]:3000"],
    ["forwarded headers ignored without TRUST_PROXY", {}, { host: "localhost:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }, "http://localhost:3000"],
    ["forwarded host and scheme under TRUST_PROXY", { trustProxy: true }, { host: "app:3000", "x-forwarded-host": "board.acme.dev", "x-forwarded-proto": "https" }, "https://board.acme.dev"],
    ["the first hop of a forwarded list", { trustProxy: true }, { host: "app:3000", "x-forwarded-host": "board.acme.dev, inner:80", "x-forwarded-proto": "https,http" }, "https://board.acme.dev"],
    ["the Host header when the proxy forwards no host", { trustProxy: true }, { host: "board.acme.dev", "x-forwarded-proto": "https" }, "https://board.acme.dev"],
    ["an unknown forwarded scheme as http", { trustProxy: true }, { host: "board.acme.dev", "x-forwarded-proto": "javascript" }, "http://board.acme.dev"],
    ["a malformed forwarded host skipped", { trustProxy: true }, { host: "localhost:3000", "x-forwarded-host": "evil.example/path@x" }, "http://localhost:3000"],
    ["a malformed Host replaced by the request URL's host", {}, { host: "a b" }, "http://0.0.0.0:3000"],
    ["PUBLIC_URL over everything, without trailing slash", { publicUrl: "https://ci.acme.dev/shipboard/", trustProxy: true }, { host: "localhost", "x-forwarded-host": "x.example" }, "https://ci.acme.dev/shipboard"],
  ])("uses %s", (_name, config, headers, expected) => {
    expect(publicOrigin(request(headers), { trustProxy: false, ...config })).toBe(expected);
  });
});
