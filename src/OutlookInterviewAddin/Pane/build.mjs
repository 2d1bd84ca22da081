// Bundles the pane into ../wwwroot/dist (served by the host), or, with --tests, the unit tests into
// .test-out for node's test runner. Type-checking is tsc's job (npm run typecheck); esbuild only bundles.
import { build } from "esbuild";
import { readdir, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const tests = process.argv.includes("--tests");

if (tests) {
  const outdir = path.join(here, ".test-out");
  await rm(outdir, { recursive: true, force: true });
  const files = (await readdir(path.join(here, "test"))).filter((f) => f.endsWith(".test.ts"));
  await build({
    entryPoints: files.map((f) => path.join(here, "test", f)),
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
} else {
  const outdir = path.join(here, "..", "wwwroot", "dist");
  await rm(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { pane: path.join(here, "src", "main.ts"), "signin-dialog": path.join(here, "src", "signinDialog.ts") },
    outdir,
    bundle: true,
    // Microsoft 365 sign-in (MSAL.js) is import()ed in that mode only: its own chunk.
    splitting: true,
    format: "esm",
    target: ["es2022", "chrome100", "edge100", "safari15", "firefox100"],
    sourcemap: "linked",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  });
}
