import { countBySeverity, orderFindings, SheetReport, Severity, verdictText } from "../engine";
import { displayName } from "./fileIo";

const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

export interface FileResult {
  readonly file: string;
  readonly error: { readonly code: "FILE_UNREADABLE" | "FILE_TOO_LARGE"; readonly message: string } | null;
  readonly sheets: readonly SheetReport[];
}

/** The readable Chinese report of `ziping check`, one block per file and sheet; what a folder held besides spreadsheets is named at the end. */
export function textReport(results: readonly FileResult[], skipped: readonly string[] = []): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`文件：${displayName(r.file)}`);
    if (r.error) {
      lines.push(`  无法读取：${r.error.message}`, "");
      continue;
    }
    for (const s of r.sheets) {
      if (!s.isForm) {
        lines.push(`  工作表「${displayName(s.sheet)}」：不是自评表（${s.findings[0]?.severity === "info" ? "已跳过" : "未找到自评表"}）`);
        continue;
      }
      const f = s.form!;
      const verdict = verdictText(f);
      const c = countBySeverity(s.findings);
      const rate = f.funds.find((x) => x.label.startsWith("年度资金总额"))?.rate.computed ?? f.funds[0]?.rate.computed ?? "—";
      lines.push(`  工作表「${displayName(s.sheet)}」：${displayName(f.projectName ?? "（未填写项目名称）")}`);
      lines.push(
        `    执行率 ${rate}%　预算执行得分 ${f.budgetScore.computed ?? "—"}　${verdict.label} ${verdict.value}（填写 ${f.total.declared ?? "空"}）　评分等级 ${f.grade.computed ?? "—"}（填写 ${f.grade.declared ?? "空"}）${verdict.reason ? `\n    ${verdict.reason}` : ""}`,
      );
      lines.push(`    错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.info} 项`);
      // 错误 first, then 警告, then 提示, each top to bottom (the order of the pane and the 校验结果 sheet)
      for (const x of orderFindings(s.findings)) {
        lines.push(`    [${SEVERITY_ZH[x.severity]}] ${x.cells.join("、") || "—"}  ${x.message}（${x.code}）`);
      }
    }
    lines.push("");
  }
  const all = results.flatMap((r) => r.sheets);
  const c = countBySeverity(all.flatMap((s) => s.findings));
  const forms = all.filter((s) => s.isForm).length;
  const bad = results.filter((r) => r.error).length;
  if (skipped.length) lines.push(`已跳过 ${skipped.length} 个不是表格的文件或子文件夹：${skipped.map(displayName).join("、")}`);
  lines.push(`共 ${results.length} 个文件，${forms} 张自评表${bad ? `，${bad} 个文件无法读取` : ""}；错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.info} 项`);
  return lines.join("\n") + "\n";
}
