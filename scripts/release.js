#!/usr/bin/env node
/**
 * `npm run release -- --url https://服务器/ziping/` — what an IT person publishes: the pane, the ribbon's commands,
 * the user guide and the sample as static files, and a manifest.xml whose every address is that URL, validated
 * against the Office add-in schemas (test/manifest-xsd, offline) before anything is written; with docs/部署说明.md
 * (and as deploy.html) beside it. Output: release/ziping-<version>/ and release/ziping-<version>.zip.
 *
 *   --url URL     the https address the files will be served from (required; a trailing / is added)
 *   --out DIR     where to put the folder and the zip (default: release/)
 *   --no-build    take dist/ as it is (default: build it with `webpack --mode production` first)
 */
"use strict";
const { spawnSync, execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { zipSync } = require("fflate");
const { renderPage } = require("./helpPage");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const XSD = path.join(ROOT, "test/manifest-xsd/OfficeAppManifestV1_1.xsd");
const DEV = "https://localhost:3000/";

function fail(message) {
  process.stderr.write(`release: ${message}\n`);
  process.exit(2);
}

function parse(argv) {
  const options = { url: null, out: path.join(ROOT, "release"), build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--url") options.url = argv[++i];
    else if (a.startsWith("--url=")) options.url = a.slice(6);
    else if (a === "--out") options.out = path.resolve(argv[++i]);
    else if (a === "--no-build") options.build = false;
    else fail(`unknown option ${a}`);
  }
  if (!options.url) fail("give the address the files will be served from: npm run release -- --url https://服务器/ziping/");
  let url;
  try {
    url = new URL(options.url);
  } catch {
    fail(`not a URL: ${options.url}`);
  }
  // Office loads add-ins only over https (manifest reference: "all URLs ... must use HTTPS")
  if (url.protocol !== "https:") fail(`the address must be https (Office loads add-ins only over https): ${options.url}`);
  if (url.search || url.hash) fail(`the address must have no ?query or #fragment: ${options.url}`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return { ...options, url: url.href };
}

/** The manifest for `base`: every https://localhost:3000/ address moved there, the AppDomain its origin. */
function releaseManifest(text, base) {
  const origin = new URL(base).origin;
  const out = text.replaceAll(DEV, base).replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/, `<AppDomain>${origin}</AppDomain>`).replace(/(<SupportUrl DefaultValue=")[^"]*(")/, `$1${base}help.html$2`);
  if (out.includes("localhost")) fail("the manifest still names localhost after the addresses were moved");
  return out;
}

/** Every address in the manifest (DefaultValue="https…" and the AppDomains). */
function manifestUrls(text) {
  return [...text.matchAll(/DefaultValue="(https?:[^"]+)"/g), ...text.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]);
}

function validate(file) {
  const out = execFileSync(process.execPath, [path.join(ROOT, "test/addin/validateManifest.mjs"), XSD, file], { encoding: "utf8" });
  const r = JSON.parse(out);
  if (!r.valid) fail(`the manifest does not validate against the Office schemas:\n${r.errors.join("\n")}`);
}

function filesUnder(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? filesUnder(p, base) : [path.relative(base, p).split(path.sep).join("/")];
  });
}

function main() {
  const { url, out, build } = parse(process.argv.slice(2));
  const version = require(path.join(ROOT, "package.json")).version;
  if (build) {
    process.stdout.write("release: building the pane (webpack --mode production)…\n");
    const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) fail("the build failed");
  }
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) fail("dist/taskpane.html is missing: build first (npm run build:web) or leave out --no-build");

  const name = `ziping-${version}`;
  const folder = path.join(out, name);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  // the web files (not dist/node, the command line's build)
  const files = filesUnder(DIST).filter((f) => !f.startsWith("node/") && !f.endsWith(".map"));
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(folder, f)), { recursive: true });
    fs.copyFileSync(path.join(DIST, f), path.join(folder, f));
  }
  const manifest = releaseManifest(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), url);
  fs.writeFileSync(path.join(folder, "manifest.xml"), manifest);
  validate(path.join(folder, "manifest.xml"));
  // every address is the release's, and names a file that is in it
  for (const u of manifestUrls(manifest)) {
    if (u === new URL(url).origin) continue; // the AppDomain
    if (!u.startsWith(url)) fail(`the manifest names ${u}, outside ${url}`);
    const file = decodeURIComponent(u.slice(url.length));
    if (!fs.existsSync(path.join(folder, file))) fail(`the manifest names ${u}, but ${file} is not in the release`);
  }
  const deploy = fs.readFileSync(path.join(ROOT, "docs/部署说明.md"), "utf8");
  fs.writeFileSync(path.join(folder, "部署说明.md"), deploy);
  fs.writeFileSync(path.join(folder, "deploy.html"), renderPage(deploy));
  fs.copyFileSync(path.join(ROOT, "scripts/server/web.config"), path.join(folder, "web.config"));
  fs.copyFileSync(path.join(ROOT, "scripts/server/nginx.conf"), path.join(folder, "nginx-ziping.conf"));

  const entries = {};
  for (const f of filesUnder(folder)) entries[`${name}/${f}`] = fs.readFileSync(path.join(folder, f));
  const zip = path.join(out, `${name}.zip`);
  fs.writeFileSync(zip, zipSync(entries, { level: 9, mtime: new Date("2026-01-01T00:00:00Z") }));
  process.stdout.write(
    [
      `release: ${folder}${path.sep}`,
      `release: ${zip}`,
      `release: manifest.xml names only ${url} (validated against the Office add-in schemas)`,
      `release: put the folder's files at ${url} (https), then follow 部署说明.md`,
      "",
    ].join("\n"),
  );
}

if (require.main === module) main();

