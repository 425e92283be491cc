import { CellRef } from "../../grid/cellRef";
import { NumberCell } from "../../model/types";
import { Dec } from "../../number/decimal";
import { Finding, FindingCode, FindingParams } from "../codes";
import { n2 } from "../format";
import { makeFinding } from "../makeFinding";

/**
 * Compare a printed derived value (执行率, 预算执行得分, 总分) with the computed one.
 * A formula that disagrees is FORMULA_DISAGREES (it is never overwritten); a typed value that matches only
 * under the other rounding is a warning, any other difference an error.
 */
export function compareDerived(
  cell: NumberCell | undefined,
  computed: Dec | null,
  otherRounding: Dec | null,
  code: FindingCode,
  what: string,
  params: FindingParams,
  calculation: string,
  extraCells: readonly (CellRef | undefined)[] = [],
): Finding | null {
  if (!cell || cell.reading.kind !== "number" || computed === null) return null;
  const value = cell.reading.value;
  if (value.equals(computed)) return null;
  if (cell.formula !== undefined) {
    return makeFinding("FORMULA_DISAGREES", [cell.cell], { what, result: value.toString(), computed: n2(computed) }, { calculation });
  }
  const isOther = otherRounding !== null && value.equals(otherRounding);
  return makeFinding(
    code,
    [cell.cell, ...extraCells],
    { ...params, declared: n2(value), computed: n2(computed), otherRounding: isOther ? "yes" : "no" },
    { severity: isOther ? "warning" : undefined, calculation },
  );
}
