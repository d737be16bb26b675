// Builds the workbench into dist/ (git-ignored): one bundled script, one stylesheet and the page, with every asset's
// content hash in the page's references so a browser never mixes an old script with a new page.
// usage: node build.mjs   (deploy/local/workbench.sh runs it when dist/ is missing or older than its sources)
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";

const dist = new URL("./dist/", import.meta.url);
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

const result = await build({
    entryPoints: { app: "src/main.ts", "app-style": "src/styles.css" },
    bundle: true,
    minify: true,
    sourcemap: "linked",
    target: ["chrome110", "firefox115", "safari16"],
    outdir: "dist",
    write: true,
    metafile: true,
    logLevel: "warning",
});

const hashOf = async (file) => createHash("sha256").update(await readFile(new URL(file, dist))).digest("hex").slice(0, 12);
const page = (await readFile(new URL("./src/index.html", import.meta.url), "utf8"))
    .replace("{{app.js}}", `app.js?v=${await hashOf("app.js")}`)
    .replace("{{app.css}}", `app-style.css?v=${await hashOf("app-style.css")}`);
await writeFile(new URL("index.html", dist), page);
// The stamp tells deploy/local/workbench.sh when this build was made.
await writeFile(new URL(".built", dist), `${Object.keys(result.metafile.outputs).length} outputs\n`);
