"use strict";
// One corpus form's JSON report against its `expected` (test/corpus/README.md): the list of what it got wrong.

const norm = (s) => (s ?? "").replace(/\s+/g, "");

function comparisonOf(report, exp) {
  const misses = [];
  const file = report.files[0];
  if (file.error) return { misses: [`file not read: ${file.error.code} ${file.error.message}`], errorCodes: [] };
  const sheet = file.sheets.find((s) => s.isForm) ?? file.sheets[0];
  const entry = sheet?.forms?.[0] ?? { form: sheet?.form, findings: sheet?.findings ?? [] };
  const form = entry.form;
  const findings = entry.findings ?? [];
  if (!sheet?.isForm || !form) return { misses: ["form not found"], errorCodes: [] };
  const codes = new Set(findings.map((f) => f.code));
  const errorCodes = [...new Set(findings.filter((f) => f.severity === "error" && !f.ignored).map((f) => f.code))].sort();
  const kind = form.formKind ?? "selfEvaluation";
  if (exp.formKind && kind !== exp.formKind) misses.push(`kind ${kind} (expected ${exp.formKind})`);
  if (exp.projectName !== undefined && norm(form.projectName) !== norm(exp.projectName)) misses.push(`项目名称 “${form.projectName ?? ""}” (expected “${exp.projectName ?? ""}”)`);
  const funds = form.funds ?? [];
  // rows with amounts: a 上年结转 row left empty is read, but is no row of money
  const withAmounts = funds.filter((f) => f.initialBudget !== null || f.budget !== null || f.executed !== null).length;
  if (exp.fundsRows !== undefined && withAmounts !== exp.fundsRows) misses.push(`funds rows with amounts ${withAmounts}/${exp.fundsRows}`);
  const indicators = form.indicators ?? [];
  if (exp.indicators !== undefined && indicators.length !== exp.indicators) misses.push(`indicators ${indicators.length}/${exp.indicators}`);
  const scored = indicators.filter((i) => i.weight || i.score?.declared);
  if (exp.scoredIndicators !== undefined && scored.length !== exp.scoredIndicators) misses.push(`indicators with 分值 or 得分 ${scored.length}/${exp.scoredIndicators}`);
  const got = {
    executionRate: funds[0]?.rate?.computed ?? null,
    budgetScore: funds[0]?.score?.computed ?? null,
    total: form.total?.computed ?? null,
    grade: form.grade?.computed ?? null,
  };
  // a form with no verdict keeps its arithmetic sum in total.computed (rules.md §5): no verdict is a null grade
  if (got.grade === null && exp.total === null) got.total = null;
  for (const k of ["executionRate", "budgetScore", "total", "grade"]) {
    if (exp[k] !== undefined && got[k] !== exp[k]) misses.push(`${k} ${got[k]} (expected ${exp[k]})`);
  }
  const wantErrors = [...new Set(exp.errors ?? [])].sort();
  if (wantErrors.join() !== errorCodes.join()) {
    const extra = errorCodes.filter((c) => !wantErrors.includes(c));
    const lacking = wantErrors.filter((c) => !errorCodes.includes(c));
    const said = (c) => findings.find((f) => f.code === c && f.severity === "error")?.message ?? "";
    if (extra.length) misses.push(`errors not earned: ${extra.map((c) => `${c} (${said(c).slice(0, 60)})`).join(", ")}`);
    if (lacking.length) misses.push(`errors not raised: ${lacking.join(", ")}`);
  }
  for (const c of exp.mustRaise ?? []) if (!codes.has(c)) misses.push(`${c} not raised`);
  for (const [c, text] of exp.mustNotRaise ?? []) {
    if (findings.some((x) => x.code === c && (text === null || (x.message ?? "").includes(text)))) misses.push(`${c}${text ? ` (${text})` : ""} raised, should not be`);
  }
  return { misses, errorCodes };
}

module.exports = { comparisonOf };
