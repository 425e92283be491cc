import { createGrid, Grid, keyCol, keyRow } from "../grid/grid";
import { FormVocabulary, isTitleCore } from "../vocabulary/fields";
import { wordScore } from "../vocabulary/match";
import { FormLayout } from "./layout";
import { locateForm } from "./locateForm";
import { Label, SheetLabels } from "./sheetLabels";

/** A rectangle of the sheet holding one form (1-based, inclusive). */
export interface Region {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** The part of a grid inside a region, addresses unchanged (a finding still names the sheet's own cell). */
export function regionGrid(grid: Grid, r: Region): Grid {
  const inside = (row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
  const cells = [...grid.cells].filter(([key]) => inside(keyRow(key), keyCol(key))).map(([key, cell]) => ({ row: keyRow(key), col: keyCol(key), cell }));
  const merges = grid.merges.filter((m) => inside(m.top, m.left) && inside(m.bottom, m.right));
  return createGrid({ sheet: grid.sheet, cells, merges });
}

/**
 * Where each form starts: its title (`…自评表`), or — on sheets whose forms print no title — its 项目名称 label.
 * Fewer than two starts: one form (or none) on the sheet.
 */
function formStarts(labels: SheetLabels): Label[] {
  const titles = labels.all.filter((l) => isTitleCore(l.core));
  if (titles.length >= 2) return titles;
  const names = labels.all.filter((l) => wordScore(l.core, labels.vocab.header.projectName) >= 0.9);
  return names.length >= 2 ? names : [];
}

/** Columns between the starts of two forms side by side, at least. */
const MIN_FORM_WIDTH = 4;

/**
 * The regions of a sheet's forms: stacked forms split by rows at each start; forms side by side (starts in the same
 * rows) split by columns at the start of each.
 */
export function formRegions(grid: Grid, labels: SheetLabels = new SheetLabels(grid)): Region[] {
  const starts = formStarts(labels);
  const whole = { top: 1, bottom: grid.rowCount, left: 1, right: grid.colCount };
  if (starts.length < 2) return [whole];
  // forms side by side: starts whose columns lie apart (a form is several columns wide; stacked forms start in the
  // same column, give or take a blank one) begin a band of columns each
  const cols = [...new Set(starts.map((s) => s.col))].sort((a, b) => a - b);
  const bandStarts = cols.filter((c, i) => i > 0 && c - cols[i - 1] >= MIN_FORM_WIDTH);
  const bands = [1, ...bandStarts].map((left, i, all) => ({ left, right: (all[i + 1] ?? grid.colCount + 1) - 1 }));
  const regions: Region[] = [];
  for (const band of bands) {
    const inBand = starts.filter((s) => s.col >= band.left && s.col <= band.right).sort((a, b) => a.row - b.row);
    inBand.forEach((s, i) => {
      const top = i === 0 ? 1 : s.row;
      const bottom = (inBand[i + 1]?.row ?? grid.rowCount + 1) - 1;
      regions.push({ top, bottom, ...band });
    });
  }
  return regions;
}

/**
 * Every 自评表 on a sheet, top to bottom and left to right: a sheet may hold several stacked or side by side. A sheet
 * whose regions do not each hold a form is read as one form (or none).
 */
export function locateForms(grid: Grid, vocab?: FormVocabulary): FormLayout[] {
  const labels = new SheetLabels(grid, vocab);
  const regions = formRegions(grid, labels);
  if (regions.length > 1) {
    const layouts = regions.map((r) => {
      const part = regionGrid(grid, r);
      return locateForm(part, new SheetLabels(part, vocab));
    });
    const found = layouts.filter((l): l is FormLayout => l !== undefined);
    if (found.length >= 2) return found;
  }
  const one = locateForm(grid, labels);
  return one ? [one] : [];
}
