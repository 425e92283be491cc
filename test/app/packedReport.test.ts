/**
 * A form's report packed as its JSON (issue 23): the bytes of JSON.stringify(form, null, 2), moved to any depth of the
 * report, are the text JSON.stringify writes there — strings holding line breaks, quotes and CJK included — and a
 * packed sheet report keeps its findings as they were, its first form the same bytes as `form`.
 */
import { isPackedForm, PACKED, packedFormJson, packForm } from "../../src/app";
import { FormReport, SheetReport } from "../../src/engine";

const form = {
  projectName: "购买“新”智能单兵设备\n（一期）",
  year: 2023,
  funds: [{ label: "年度资金总额", rate: { declared: "93.77", computed: null, cell: "H6" } }],
  indicators: [],
  layout: { unplacedLabels: [], weightsFrom: "column" },
} as unknown as FormReport;

describe("packed form reports", () => {
  it.each([0, 1, 3, 7])("at depth %i: the text JSON.stringify writes for the form there", (depth) => {
    let doc: unknown = form;
    for (let i = 0; i < depth; i++) doc = { x: doc };
    const whole = JSON.stringify(doc, null, 2);
    const indent = "  ".repeat(depth);
    const at = whole.indexOf('{\n' + indent + '  "projectName"');
    expect(at).toBeGreaterThanOrEqual(0);
    const packed = packedFormJson(packForm(form), indent);
    expect(whole.slice(at, at + packed.length)).toBe(packed);
    // the form's own closing brace ends it: what follows closes the wrapping objects
    expect(whole.slice(at + packed.length)).toBe(Array.from({ length: depth }, (_x, i) => `\n${"  ".repeat(depth - 1 - i)}}`).join(""));
  });

  it("a sheet report packed: its findings kept, its first form as `form`, other values as they were", () => {
    const findings = [{ code: "DEVIATION_MISSING", severity: "warning" as const, part: "indicators", cells: ["H16"], message: "…" }];
    const sheet: SheetReport = { sheet: "表1", isForm: true, form, findings, forms: [{ form, findings }, { form, findings: [] }] };
    const packed = PACKED.pack(sheet);
    expect(packed.form).toBe(packed.forms[0].form);
    expect(packed.forms.map((f) => isPackedForm(f.form))).toEqual([true, true]);
    expect(packed.forms.map((f) => f.findings)).toEqual([findings, []]);
    expect(JSON.parse(packedFormJson(packed.forms[1].form, ""))).toEqual(form);
    expect(isPackedForm(form)).toBe(false);
  });
});
