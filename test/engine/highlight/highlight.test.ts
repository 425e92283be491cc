import { highlightArgb, highlightHex, HIGHLIGHT_RGB, highlightRuleFormula, isOwnHighlightRule } from "../../../src/engine";

describe("highlight palette and tagged rules", () => {
  it("written cells have their own colour, apart from every severity's", () => {
    const colours = Object.values(HIGHLIGHT_RGB);
    expect(new Set(colours).size).toBe(colours.length);
    expect(highlightHex("written")).toBe("#C6EFCE");
    expect(highlightArgb("written")).toBe("FFC6EFCE");
  });

  it("the written rule carries our tag, so 清除标注 and the next run remove it like the others", () => {
    expect(highlightRuleFormula("written")).toBe('LEN("ziping:written")>0');
    expect(isOwnHighlightRule(`=${highlightRuleFormula("written")}`)).toBe(true);
    expect(isOwnHighlightRule('=LEN("mine:written")>0')).toBe(false);
  });
});
