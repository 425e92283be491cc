import type { FormReport } from "./sheetReport";

/**
 * How a form's 总分 is shown, the same in the pane, the command line, the 校验结果 sheet and the ribbon's dialog
 * (rules.md §5): a verdict is the 总分; a form whose weights disagree shows the sum as 得分合计 with the reason, never
 * as a 总分; a form with no 分值/得分 shows "—" and why.
 */
export function verdictText(form: FormReport): { readonly label: "总分" | "得分合计"; readonly value: string; readonly reason: string | null } {
  switch (form.scoring.kind) {
    case "verdict":
      return { label: "总分", value: form.total.computed ?? "—", reason: null };
    case "noVerdict":
      return { label: "得分合计", value: form.total.computed ?? "—", reason: form.scoring.reason };
    case "unscored":
      return { label: "总分", value: "—", reason: form.scoring.reason };
  }
}
