import { cellRef } from "../../grid/cellRef";
import { rangeA1 } from "../../grid/areas";
import { Grid } from "../../grid/grid";
import { Finding } from "../codes";
import { makeFinding } from "../makeFinding";

/** MERGE_OVERLAP: the sheet's file had merged areas overlapping earlier ones (createGrid left them out). */
export function mergeOverlap(grid: Grid): Finding[] {
  const areas = grid.overlappingMerges ?? [];
  if (areas.length === 0) return [];
  return [makeFinding("MERGE_OVERLAP", areas.map((m) => cellRef(grid.sheet, m.top, m.left)), { areas: areas.map(rangeA1).join("、") })];
}
