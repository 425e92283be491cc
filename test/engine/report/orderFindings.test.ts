import { findingPosition, orderFindings } from "../../../src/engine";

describe("orderFindings: 错误, 警告, 提示, each top to bottom", () => {
  it("orders by severity, then row, then column; findings without a cell last; ties keep the engine's order", () => {
    const f = (severity: "error" | "warning" | "info", cells: string[], id: string) => ({ severity, cells, id });
    const input = [f("info", ["A15"], "a"), f("warning", ["H21"], "b"), f("error", [], "c"), f("warning", ["I16"], "d"), f("warning", ["H16"], "e"), f("error", ["H22"], "g"), f("warning", ["H16"], "h")];
    expect(orderFindings(input).map((x) => x.id)).toEqual(["g", "c", "e", "h", "d", "b", "a"]);
    expect(input.map((x) => x.id)).toEqual(["a", "b", "c", "d", "e", "g", "h"]); // not sorted in place
  });

  it("positions: AA10 is right of Z10; an unreadable address sorts last", () => {
    expect(findingPosition(["AA10"])).toEqual({ row: 10, col: 27 });
    expect(findingPosition(["Z10"]).col).toBeLessThan(findingPosition(["AA10"]).col);
    expect(findingPosition(["?"]).row).toBe(Number.MAX_SAFE_INTEGER);
  });
});
