// Bundles the pane into ../wwwroot/dist (served by the host), or, with --tests, the unit tests into
// .test-out for node's test runner. Type-checking is tsc's job (npm run typecheck); esbuild only bundles.
import { build } from "esbuild";
import { readdir, rm, writeFile } from "node:fs/promises";
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
  const entryPoints = { pane: path.join(here, "src", "main.ts"), "signin-dialog": path.join(here, "src", "signinDialog.ts") };
  const result = await build({
    entryPoints,
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
    metafile: true,
  });
  await writeFile(path.join(outdir, "pane.assets.json"), JSON.stringify(firstViewAssets(result.metafile, outdir, Object.keys(entryPoints)), null, 2) + "\n");
}

/**
 * What the host's page needs for the first view (Hosting/PanePage.cs): each entry's script and
 * stylesheet, and the shared chunks it imports statically, which the page preloads so the browser
 * fetches them beside the entry instead of after parsing it. Chunks behind import() are left out:
 * they are the screens not on the first view and the Microsoft 365 sign-in.
 */
function firstViewAssets(metafile, outdir, names) {
  const relative = (file) => path.relative(path.dirname(outdir), path.resolve(file)).split(path.sep).join("/");
  const entries = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!output.entryPoint || !names.includes(path.basename(file, ".js"))) continue;
    const preload = [];
    const visit = (chunk) => {
      for (const imported of metafile.outputs[chunk]?.imports ?? []) {
        if (imported.kind !== "import-statement" || preload.includes(relative(imported.path))) continue;
        preload.push(relative(imported.path));
        visit(imported.path);
      }
    };
    visit(file);
    entries[path.basename(file, ".js")] = {
      script: relative(file),
      stylesheet: output.cssBundle ? relative(output.cssBundle) : null,
      preload,
    };
  }
  return entries;
}
