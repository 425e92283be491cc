/**
 * CPU time and peak RSS of the processes this one started (headless Chromium's browser, renderer, GPU and utility
 * processes), read from /proc: CPU as the sum of user + system time over the tree, peak RSS as the largest VmHWM of
 * one process — reset between measurements by writing 5 to /proc/PID/clear_refs (Linux ≥ 4.0).
 */
const { readdirSync, readFileSync, writeFileSync } = require("node:fs");

const TICKS = 100; // USER_HZ on Linux

function descendants(root = process.pid) {
  const parent = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(d), Number(fields[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out = [];
  const walk = (pid) => {
    for (const [child, p] of parent) {
      if (p === pid) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}

/** User + system CPU seconds of the tree's live processes. */
function treeCpuSeconds() {
  let ticks = 0;
  for (const pid of descendants()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // gone meanwhile
    }
  }
  return ticks / TICKS;
}

function resetPeaks() {
  for (const pid of descendants()) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, "5");
    } catch {
      // gone meanwhile, or not allowed: the peak then covers the process's whole life
    }
  }
}

/** The largest peak RSS (MB) of one process in the tree since resetPeaks(). */
function largestPeakMB() {
  let kb = 0;
  for (const pid of descendants()) {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb = Math.max(kb, Number(m[1]));
    } catch {
      // gone meanwhile
    }
  }
  return Math.round(kb / 1024);
}

module.exports = { treeCpuSeconds, resetPeaks, largestPeakMB };
