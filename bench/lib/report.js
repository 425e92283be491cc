/**
 * A figure as readable lines. A figure is { id, what, subject?, references?, value?, details?, budget?, pass }:
 * `subject`/`references` are contestants from measure.js (wall, cpu, rssMB spreads; ratios on references);
 * `value` a single reading (sizes, counts); `details` further lines; `pass` true, false, or null (no budget).
 */
const num = (x, digits = 2) => (x === null || x === undefined ? "–" : Number(x).toFixed(digits));

function spreadText(s, unit, digits = 2) {
  if (!s) return "–";
  if (s.min === s.max) return `${num(s.median, digits)}${unit}`;
  return `${num(s.median, digits)}${unit} [${num(s.min, digits)}–${num(s.max, digits)}]`;
}

function contestantLine(c) {
  const ratio = c.ratio ? `  → subject ×${num(c.ratio.wall)} wall, ×${num(c.ratio.cpu)} CPU, ×${num(c.ratio.rss)} RSS` : "";
  // a single-threaded command whose wall time is well over its CPU time waited: for a core (other work on the
  // machine), or for I/O or timers; its wall-time ratio then says more about the machine than about the code
  const waited = c.wall && c.cpu && c.wall.median > 1.25 * c.cpu.median ? "  (wall > 1.25× CPU: it waited)" : "";
  const failed = c.failedRuns ? `  (${c.failedRuns.length} run(s) failed: exit ${c.failedRuns.map((f) => f.status).join(",")})` : "";
  return `    ${c.label.padEnd(40)} wall ${spreadText(c.wall, " s")}  CPU ${spreadText(c.cpu, " s")}  ${c.rssMB ? `peak RSS ${spreadText(c.rssMB, " MB", 0)}` : ""}${ratio}${waited}${failed}\n`;
}

function printFigure(f) {
  const verdict = f.pass === true ? "PASS" : f.pass === false ? "FAIL" : f.pass === null ? "no budget" : "not judged";
  let out = `\n■ ${f.id} — ${f.what}${f.runs > 1 ? ` (${f.runs} runs${f.alternating ? ", alternating" : ""}, median [min–max])` : f.runs === 1 ? " (1 run)" : ""}\n`;
  if (f.subject) out += contestantLine(f.subject);
  for (const r of f.references ?? []) out += contestantLine(r);
  if (f.value !== undefined) out += `    ${typeof f.value === "string" ? f.value : JSON.stringify(f.value)}\n`;
  for (const d of f.details ?? []) out += `    ${d}\n`;
  if (f.error) out += `    ERROR ${f.error.split("\n").slice(0, 6).join("\n    ")}\n`;
  out += `    budget: ${f.budget ?? "none in the issue's Done when"} — ${verdict}   (load ${f.load?.join(" ") ?? "?"})\n`;
  // a module written for the old runner emits plain objects: shown as they are
  if (!f.subject && f.value === undefined && !f.details && !f.error) out += `    ${JSON.stringify(f)}\n`;
  return out;
}

module.exports = { printFigure };
