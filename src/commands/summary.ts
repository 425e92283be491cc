import type { CheckOutcome, HostResult, WrittenCell } from "../app";
import { countBySeverity, verdictText } from "../engine";

/** What the result dialog shows after a ribbon command (plain data, passed in the dialog's URL). */
export interface CommandSummary {
  readonly ok: boolean;
  readonly title: string;
  readonly lines: readonly string[];
}

/** The summary of a 校验并计分 run (ok) or the reason it did nothing (failure). */
export function validateSummary(result: HostResult<CheckOutcome>): CommandSummary {
  if (!result.ok) {
    const lines = [result.message];
    const form = result.report?.form;
    if (form?.total.computed) lines.push(`（计算结果：${verdictText(form).label} ${form.total.computed}，评分等级 ${form.grade.computed ?? "—"}，未写入。）`);
    return { ok: false, title: "未能校验并计分", lines };
  }
  const form = result.report.form!;
  const c = countBySeverity(result.report.findings);
  // rules.md §5: a form that does not add up at its root gets no 总分 verdict, only the sum of its scores
  const verdict = verdictText(form);
  return {
    ok: true,
    title: verdict.label === "得分合计" ? `得分合计 ${verdict.value}（未评定等级）` : `${verdict.label} ${verdict.value} · 评分等级 ${form.grade.computed ?? "—"}`,
    lines: [
      `工作表“${result.report.sheet}”${form.projectName ? `：${form.projectName}` : ""}`,
      `错误 ${c.error} 条，警告 ${c.warning} 条，提示 ${c.info} 条。`,
      result.written > 0 ? writtenLine(result.writes, result.written) : "计算结果与表中一致，未写入任何单元格。",
      result.highlighted > 0 ? `已标注 ${result.highlighted} 个有问题的单元格（红色为错误、黄色为警告；“清除标注”可去掉）。` : "没有需要标注的单元格。",
      ...(verdict.reason ? [verdict.reason] : []),
      ...(result.notes ?? []),
      "点击“打开面板”查看每一条问题及其计算过程。",
    ],
  };
}

/** How many cells were written, which (the first few), and where to see what they held before. */
export function writtenLine(writes: readonly WrittenCell[], written: number, shown = 4): string {
  const names = writes.slice(0, shown).map((w) => `${w.cell} ${w.what}`);
  const more = writes.length > shown ? ` 等 ${written} 个` : "";
  return `已写入 ${written} 个单元格${names.length ? `：${names.join("、")}${more}` : ""}。写入的单元格标为绿色；原值在面板的“已写入”中，“撤销上次写入”可恢复。`;
}

/** The summary of 新建自评表 / 生成下年度模板. */
export function templateSummary(result: HostResult<{ readonly sheet: string; readonly year: number; readonly notes?: readonly string[] }>): CommandSummary {
  if (!result.ok) return { ok: false, title: "未能生成自评表", lines: [result.message] };
  return {
    ok: true,
    title: "已新建自评表",
    lines: [`已新建工作表“${result.sheet}”（${result.year} 年度）。`, ...(result.notes ?? []), "填写项目资金和绩效指标后，点击“校验并计分”。"],
  };
}

/** The ribbon's work did not finish in time (commands.ts, WORK_TIMEOUT_MS): it may still finish, and say so. */
export function timeoutSummary(what: string, ms: number): CommandSummary {
  return {
    ok: false,
    title: `“${what}”未在 ${Math.round(ms / 1000)} 秒内完成`,
    lines: [
      "Excel 没有及时响应（可能有单元格正处于编辑状态，或工作簿很大、网络较慢）。",
      "它可能稍后仍会完成并写入表中：请按 Enter 或 Esc 结束编辑后，打开面板查看，或稍后再点一次。",
    ],
  };
}

export function unexpectedSummary(error: unknown): CommandSummary {
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, title: "发生意外错误", lines: [`Excel 返回了意外错误：${detail}`, "请重试；如果问题持续，请把此信息发给为您安装本助手的信息技术人员。"] };
}

/** The dialog page's URL with the summary in its query string. */
export function resultUrl(base: string, summary: CommandSummary): string {
  const url = new URL("result.html", base);
  url.search = `?d=${encodeURIComponent(JSON.stringify(summary))}`;
  return url.toString();
}

/** The summary back from a result page's query string; null when absent or damaged. */
export function summaryFromQuery(search: string): CommandSummary | null {
  const d = new URLSearchParams(search).get("d");
  if (!d) return null;
  try {
    const s = JSON.parse(d) as CommandSummary;
    return typeof s.title === "string" && Array.isArray(s.lines) ? s : null;
  } catch {
    return null;
  }
}
