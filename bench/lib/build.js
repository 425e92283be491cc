/**
 * `npm run bench` measures the build in dist/ and rebuilds it only when it is stale: when any input (a file under
 * src/, a config, package.json, package-lock.json) is newer than the oldest of the build's outputs the benchmarks
 * use (dist/node/cli/ziping.js from tsc, dist/taskpane.html from webpack). webpack leaves a file it would write
 * unchanged as it is (output.compareBeforeEmit), so after a rebuild here a stamp says when it was built (in
 * node_modules/.cache/ziping-bench/, where webpack's output.clean does not remove it): the later of the output and
 * its stamp counts. Which part is stale decides what is rebuilt: the CLI (tsc), the
 * pane (webpack), or both.
 */
const { statSync, readdirSync, existsSync, writeFileSync, mkdirSync } = require("node:fs");
const { join } = require("node:path");
const { spawnSync } = require("node:child_process");

const root = join(__dirname, "..", "..");
const stamps = join(root, "node_modules", ".cache", "ziping-bench");

function newestUnder(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestUnder(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

/** What each output is built from: tsc reads src/ with tsconfig.build.json; webpack reads src/, assets, manifest. */
const parts = {
  "build:cli": { output: join(root, "dist", "node", "cli", "ziping.js"), stamp: join(stamps, "cli-built"), inputs: ["src", "tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"] },
  "build:web": { output: join(root, "dist", "taskpane.html"), stamp: join(stamps, "web-built"), inputs: ["src", "assets", "manifest.xml", "webpack.config.js", "tsconfig.json", "package.json", "package-lock.json"] },
};

/** The parts whose output is missing or older than an input, with the input time that made them stale. */
function staleParts() {
  const stale = [];
  for (const [script, { output, stamp, inputs }] of Object.entries(parts)) {
    const built = mtime(output) && Math.max(mtime(output), mtime(stamp));
    const newest = Math.max(...inputs.map((i) => join(root, i)).filter(existsSync).map((p) => (statSync(p).isDirectory() ? newestUnder(p) : statSync(p).mtimeMs)));
    if (built === 0 || newest > built) stale.push(script);
  }
  return stale;
}

/** Rebuild what is stale (or everything with `force`); returns what was rebuilt. */
function ensureBuild({ force = false, log = (s) => process.stderr.write(s + "\n") } = {}) {
  const todo = force ? Object.keys(parts) : staleParts();
  if (todo.length === 0) {
    log("dist/ is current: not rebuilt");
    return [];
  }
  for (const script of todo) {
    log(`dist/ is stale: npm run ${script}`);
    const r = spawnSync("npm", ["run", "--silent", script], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) throw new Error(`npm run ${script} failed (exit ${r.status})`);
    mkdirSync(stamps, { recursive: true });
    writeFileSync(parts[script].stamp, `${new Date().toISOString()}\n`);
  }
  return todo;
}

module.exports = { ensureBuild, staleParts };
