#!/usr/bin/env node
/**
 * Where the time of a `node --cpu-prof` profile went (issue 23 item 1): the self time of every sample grouped by the
 * file of the function it was in — src/ files of the built CLI by their source path, packages by name (saxes,
 * decimal.js, fflate), node's own modules (node:zlib), V8's garbage collector — and those groups gathered into the
 * phases of a check: read (the .xlsx reader, zip, inflate, XML), analyse (the engine per form and the app around it),
 * checks across forms, report (sheet reports, the folder step), serialise (JSON out), GC, start-up and the rest.
 *
 * Self time in a builtin compiled into JavaScript (JSON.stringify, a Map lookup) counts for the function that called it;
 * time in native code, a regular expression or node's own modules (TextDecoder, zlib, Buffer.write) is a group of its
 * own, and goes to the phase of the nearest caller that is the project's or a package's (zlib called by the zip
 * reader is read, Buffer.write called by the JSON writer is serialise). Idle samples (the main thread waiting) are
 * counted apart and left out of the shares.
 *
 * `node bench/lib/profileSplit.js FILE.cpuprofile [--top N]` prints the phases, the top files and functions.
 */
const { readFileSync } = require("node:fs");

/** The group of a profile node's call frame: "src/…/file.ts", a package name, "node:…", or V8's own "(…)". */
function groupOf(frame) {
  const url = frame.url || "";
  if (!url) return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  const built = /\/dist\/node\/(.+)\.js$/.exec(url);
  if (built) return `src/${built[1]}.ts`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith("node:")) return url;
  return url.replace(/^file:\/\//, "");
}

/** Which phase of a check a group belongs to (first match wins). */
const PHASES = [
  ["checks across forms", (g) => /^src\/engine\/findings\/checks\/crossFormChecks\.ts$|^src\/app\/folderChecks\.ts$/.test(g)],
  ["report", (g) => /^src\/engine\/report\/|^src\/cli\/(folderReport|textReport)\.ts$/.test(g)],
  ["serialise (JSON out)", (g) => /^src\/cli\/(jsonOutput|jsonReport)\.ts$|^src\/app\/packedReport\.ts$|^node:buffer$|^node:internal\/buffer$|^node:internal\/fs\/|^node:internal\/streams\/|^node:net$|^node:internal\/stream_base_commons$/.test(g)],
  ["read: zip + inflate", (g) => /^src\/adapters\/xlsx\/zip\/|^fflate$|^node:zlib$|^node:internal\/zlib/.test(g)],
  ["read: XML (saxes)", (g) => /^saxes$|^xmlchars$/.test(g)],
  ["read: the reader's own code", (g) => /^src\/adapters\/xlsx\//.test(g)],
  ["analyse: decimal.js", (g) => /^decimal\.js$/.test(g)],
  ["analyse: engine per form", (g) => /^src\/engine\//.test(g)],
  ["analyse: app (sheets, store)", (g) => /^src\/app\//.test(g)],
  ["GC", (g) => g === "(garbage collector)"],
  ["start-up (module loading)", (g) => /^node:internal\/modules\/|^node:internal\/bootstrap|^node:internal\/main|^node:internal\/process\/pre_execution/.test(g)],
  ["cli and the rest", () => true],
];

const REST = PHASES[PHASES.length - 1][0];
const phaseByGroup = (g) => PHASES.find(([, test]) => test(g))[0];

/** A group that says where the time went by itself: the project's files, packages, the garbage collector. */
const owned = (g) => g.startsWith("src/") || g === "(garbage collector)" || !/^(\(|node:|\/)/.test(g);

/**
 * Self time (ms) by group, by phase (of the group, or when that says nothing, of the nearest caller whose group does),
 * by function, and in all.
 */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const attributed = (id) => {
    const own = groupOf(byId.get(id).callFrame);
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const g = groupOf(byId.get(at).callFrame);
      if (owned(g)) return g;
    }
    return own;
  };
  const phaseOf = (id) => {
    const own = phaseByGroup(groupOf(byId.get(id).callFrame));
    return own !== REST ? own : phaseByGroup(attributed(id));
  };
  const phases = new Map(PHASES.map(([name]) => [name, 0]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const groups = new Map();
  const functions = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id).callFrame;
    const ms = us / 1000;
    if (frame.functionName === "(idle)") {
      idle += ms;
      continue;
    }
    const g = groupOf(frame);
    groups.set(g, (groups.get(g) ?? 0) + ms);
    const p = phaseOf(id);
    phases.set(p, phases.get(p) + ms);
    const f = `${frame.functionName || "(anonymous)"} ${g}:${frame.lineNumber + 1}`;
    functions.set(f, (functions.get(f) ?? 0) + ms);
    total += ms;
  }
  return { groups, phases, functions, total, idle };
}

/** The split of a profile: phases, groups and functions, each [name, ms, share] sorted by time. */
function split(profile) {
  const { groups, phases, functions, total, idle } = selfTimes(profile);
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).map(([name, ms]) => [name, Math.round(ms), +((100 * ms) / total).toFixed(1)]);
  return { totalMs: Math.round(total), idleMs: Math.round(idle), phases: sorted(phases), groups: sorted(groups), functions: sorted(functions) };
}

const splitFile = (file) => split(JSON.parse(readFileSync(file, "utf8")));

/** Lines for printing: `  name  1234 ms  12.3 %`. */
const lines = (rows, n = rows.length) => rows.slice(0, n).map(([name, ms, share]) => `${String(ms).padStart(7)} ms ${share.toFixed(1).padStart(5)} %  ${name}`);

module.exports = { split, splitFile, groupOf, lines };

if (require.main === module) {
  const file = process.argv[2];
  const top = process.argv.includes("--top") ? Number(process.argv[process.argv.indexOf("--top") + 1]) : 25;
  const s = splitFile(file);
  process.stdout.write(`${s.totalMs} ms on the thread (${s.idleMs} ms idle, not counted)\n\nphases:\n${lines(s.phases).join("\n")}\n\nfiles:\n${lines(s.groups, top).join("\n")}\n\nfunctions:\n${lines(s.functions, top).join("\n")}\n`);
}
