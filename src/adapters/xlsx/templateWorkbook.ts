import ExcelJS from "exceljs";
import { Profile } from "../../engine";
import { SheetSpec } from "../../engine/sheet/sheetSpec";
import { nextYearTemplateSpec } from "../../engine/template";
import { readWorkbook } from "./readWorkbook";
import { addSheetFromSpec, workbookToBytes } from "./writeWorkbook";

/**
 * The .xlsx bytes of a template sheet. The workbook asks for a full recalculation on load, so every
 * spreadsheet shows the formulas' own results whatever cached values it finds.
 */
export async function templateBytes(spec: SheetSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  addSheetFromSpec(workbook, spec);
  workbook.calcProperties.fullCalcOnLoad = true;
  return workbookToBytes(workbook);
}

export type NextYearFromWorkbook =
  | { readonly ok: true; readonly spec: SheetSpec; readonly year: number; readonly sheet: string }
  | { readonly ok: false; readonly message: string };

/**
 * Next year's form from an .xlsx: from the sheet named, or from the first sheet that is a 自评表. Used by
 * `ziping template --from` and by the task pane's file mode.
 */
export async function nextYearFromWorkbook(data: Uint8Array, sheet: string | undefined, profile: Profile): Promise<NextYearFromWorkbook> {
  const reading = await readWorkbook(data);
  if (!reading.ok) return { ok: false, message: reading.message };
  if (sheet !== undefined) {
    const grid = reading.grids.find((g) => g.sheet === sheet);
    if (!grid) return { ok: false, message: `没有名为“${sheet}”的工作表（现有：${reading.grids.map((g) => g.sheet).join("、")}）` };
    const made = nextYearTemplateSpec(grid, profile);
    return made.ok ? { ok: true, spec: made.spec, year: made.year, sheet: grid.sheet } : made;
  }
  for (const grid of reading.grids) {
    const made = nextYearTemplateSpec(grid, profile);
    if (made.ok) return { ok: true, spec: made.spec, year: made.year, sheet: grid.sheet };
  }
  return { ok: false, message: "文件中没有找到自评表，无法生成下年度模板" };
}
