// Unit tests of the workbench's pure modules (no DOM): each test/*.test.ts is bundled by esbuild and run by node's
// own test runner. usage: npm test (deploy/local/workbench.sh runs it after the type check).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const tests = readdirSync(new URL(".", import.meta.url)).filter((name) => name.endsWith(".test.ts"));
const outdir = "node_modules/.cache/workbench-tests";
await build({ entryPoints: tests.map((name) => `test/${name}`), bundle: true, platform: "node", format: "esm", outdir, outExtension: { ".js": ".mjs" }, logLevel: "warning" });
const run = spawnSync(process.execPath, ["--test", ...tests.map((name) => `${outdir}/${name.replace(/\.ts$/, ".mjs")}`)], { stdio: "inherit" });
process.exit(run.status ?? 1);
