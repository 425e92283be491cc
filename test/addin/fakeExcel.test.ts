/**
 * The fake Excel's documented behaviours, one test each (the sources are cited in fakeExcel.ts, fakeTyping.ts and
 * fakeFormulas.ts). If one of these changes, the add-in's tests on the fake mean something else.
 */
import { evaluateFormula } from "./fakeFormulas";
import { typeIn } from "./fakeTyping";
import { asContext, CELL_READ_LIMIT, FakeContext, FakeSheet, FakeWorkbook, HostError, MERGED_AREAS_LIMIT } from "./fakeExcel";

function book(...cells: [string, FakeSheet["cells"] extends Map<string, infer C> ? C : never][]) {
  const s = new FakeSheet("表1");
  for (const [a1, c] of cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    s.cells.set(`${m[2]}:${col}`, c);
  }
  return { sheet: s, book: new FakeWorkbook(s) };
}

const ctxOf = (b: FakeWorkbook) => asContext(new FakeContext(b));

describe("the fake Excel", () => {
  it("PropertyNotLoaded: reading before load, and after load before sync, throws", async () => {
    const { book: b } = book(["A1", { value: 1 }]);
    const ctx = ctxOf(b);
    const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1");
    expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    r.load("values");
    expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await ctx.sync();
    expect(r.values).toEqual([[1]]);
  });

  it("a batch stops at its failing command and keeps the commands before it; the failed sync delivers no loads", async () => {
    const { sheet, book: b } = book();
    const fake = new FakeContext(b);
    const ctx = asContext(fake);
    const ws = ctx.workbook.worksheets.getActiveWorksheet(); // command 1
    ws.getRange("A1").values = [[1]]; // 2
    ws.getRange("A2").values = [[2]]; // 3
    const probe = ws.getRange("A1");
    probe.load("values"); // 4
    ws.getRange("A3").values = [[3]]; // 5
    fake.failAt = { sync: 1, op: 3, code: "GeneralException", message: "boom" };
    await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
    expect(sheet.at("A1")?.value).toBe(1);
    expect(sheet.at("A2")).toBeUndefined();
    expect(sheet.at("A3")).toBeUndefined();
    expect(() => probe.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    expect(fake.opsPerSync).toEqual([5]);
  });

  it.each([
    ["-", { value: "#NAME?", formula: "-" }],
    ["100%", { value: 1, numberFormat: "0%" }],
    ["93.77%", { value: 0.9377, numberFormat: "0.00%" }],
    ["96.30", { value: 96.3 }],
    ["12,566.54", { value: 12566.54 }],
    ["=103.00(台)", { value: "#NAME?", formula: "103.00(台)" }],
    ["-abc", { value: "#NAME?", formula: "-abc" }],
    ["TRUE", { value: true }],
    ["'96.30", { value: "96.30" }],
    ["'-", { value: "-" }],
    ["优", { value: "优" }],
    ["≥99.00(%)", { value: "≥99.00(%)" }],
  ])("a string written to values is taken as typed: %j", async (text, expected) => {
    const { sheet, book: b } = book();
    const ctx = ctxOf(b);
    ctx.workbook.worksheets.getActiveWorksheet().getRange("B2").values = [[text]];
    await ctx.sync();
    expect(sheet.at("B2")).toMatchObject(expected);
    if (!("formula" in expected)) expect(sheet.at("B2")?.formula).toBeUndefined();
  });

  it("dates typed as text become date serials ('15-Feb', '2023/1/5', '1-2')", () => {
    expect(typeIn("15-Feb", undefined)).toMatchObject({ numberFormat: "d-mmm" });
    expect(typeof typeIn("15-Feb", undefined).value).toBe("number");
    expect(typeIn("2023/1/5", undefined)).toEqual({ value: 44931, numberFormat: "yyyy/m/d" });
    expect(typeIn("2023年1月5日", undefined)).toEqual({ value: 44931, numberFormat: "yyyy/m/d" });
    expect(typeIn("1-2", undefined)).toMatchObject({ numberFormat: "m/d" });
    expect(typeIn("15-Feb", "@")).toEqual({ value: "15-Feb" });
  });

  it("a number written stays a number; '' clears; null leaves the cell as it is", async () => {
    const { sheet, book: b } = book(["A1", { value: "x" }], ["B1", { value: "y" }]);
    const ctx = ctxOf(b);
    ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:C1").values = [[null, "", 9.3]];
    await ctx.sync();
    expect([sheet.at("A1")?.value, sheet.at("B1")?.value, sheet.at("C1")?.value]).toEqual(["x", null, 9.3]);
  });

  it("formulas are recalculated after a write, and a load queued after the write in the same batch sees the new value", async () => {
    const { sheet, book: b } = book(["A1", { value: 1 }], ["A2", { value: null }], ["A3", { value: 1, formula: "SUM(A1:A2)" }]);
    const ctx = ctxOf(b);
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    ws.getRange("A2").values = [[2]];
    const total = ws.getRange("A3");
    total.load("values");
    await ctx.sync();
    expect(total.values).toEqual([[3]]);
    expect(sheet.at("A3")?.value).toBe(3);
  });

  it("in manual calculation mode a write leaves dependents stale until Range.calculate()", async () => {
    const { sheet, book: b } = book(["A1", { value: 1 }], ["A2", { value: 2, formula: "A1*2" }]);
    b.host.calculationMode = "Manual";
    const ctx = ctxOf(b);
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    ws.getRange("A1").values = [[5]];
    await ctx.sync();
    expect(sheet.at("A2")?.value).toBe(2);
    ws.getRange("A2").calculate();
    await ctx.sync();
    expect(sheet.at("A2")?.value).toBe(10);
  });

  it.each([
    ["SUM(A1:A3)+B1", 16],
    ["ROUND(A1/3,2)", 0.33],
    ["ROUNDDOWN(2/3*100,2)", 66.66],
    ['IF(B1>=90,"优","良")', "良"],
    ["A1/0", "#DIV/0!"],
    ["VLOOKUP(A1,A1:B2,2)", "#NAME?"],
    ["Sheet2!A1", "#NAME?"],
  ])("the fake's calculation: =%s", (formula, expected) => {
    const cells: Record<string, number> = { "1:1": 1, "2:1": 2, "3:1": 3, "1:2": 10 };
    expect(evaluateFormula(formula, (r, c) => cells[`${r}:${c}`] ?? null)).toBe(expected);
  });

  it("Excel on the web refuses a response above 5 MB", async () => {
    const { sheet, book: b } = book();
    for (let r = 1; r <= 3000; r++) sheet.ensure(r, 1).value = "某".repeat(700);
    b.host.platform = "web";
    const ctx = ctxOf(b);
    ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:A3000").load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    b.host.platform = "desktop";
    const desktop = ctxOf(b);
    const r = desktop.workbook.worksheets.getActiveWorksheet().getRange("A1:A3000");
    r.load("values");
    await desktop.sync();
    expect(r.values).toHaveLength(3000);
  });

  it("Excel on the web refuses a request above 5 MB, before any command runs", async () => {
    const { sheet, book: b } = book();
    b.host.platform = "web";
    const ctx = ctxOf(b);
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    ws.getRange("A1").values = [["first"]];
    ws.getRange("A2:A3001").values = Array.from({ length: 3000 }, () => ["某".repeat(2000)]);
    await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(sheet.at("A1")).toBeUndefined();
  });

  it("a read of more than 5,000,000 cells throws, or returns null values", async () => {
    const { book: b } = book(["A1", { value: 1 }]);
    const address = `A1:E${CELL_READ_LIMIT / 5 + 1}`;
    const ctx = ctxOf(b);
    ctx.workbook.worksheets.getActiveWorksheet().getRange(address).load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
    b.host.overCellLimit = "null";
    const other = ctxOf(b);
    const r = other.workbook.worksheets.getActiveWorksheet().getRange(address);
    r.load("values");
    await other.sync();
    expect(r.values).toBeNull();
  });

  it("getUsedRange counts formatting, getUsedRange(true) only values; a blank sheet's is A1", async () => {
    const { sheet, book: b } = book(["B2", { value: 1 }], ["T65536", { value: null, style: { "fill.color": "#FFFFFF" } }]);
    const ctx = ctxOf(b);
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    const all = ws.getUsedRange();
    const values = ws.getUsedRange(true);
    all.load("address");
    values.load("address");
    await ctx.sync();
    expect([all.address, values.address]).toEqual(["表1!B2:T65536", "表1!B2"]);
    sheet.cells.clear();
    const blank = ctxOf(b);
    const a1 = blank.workbook.worksheets.getActiveWorksheet().getUsedRange(true);
    a1.load("address");
    await blank.sync();
    expect(a1.address).toBe("表1!A1");
  });

  it("merged areas come as areas.items; above 512 the read fails", async () => {
    const { sheet, book: b } = book(["A1", { value: "x" }]);
    sheet.merges = [{ top: 1, left: 1, bottom: 1, right: 3 }, { top: 5, left: 2, bottom: 8, right: 2 }];
    const ctx = ctxOf(b);
    const merged = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:Z100").getMergedAreasOrNullObject();
    merged.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
    await ctx.sync();
    expect(merged.isNullObject).toBe(false);
    expect(merged.areas.items).toEqual([
      { rowIndex: 0, columnIndex: 0, rowCount: 1, columnCount: 3 },
      { rowIndex: 4, columnIndex: 1, rowCount: 4, columnCount: 1 },
    ]);
    sheet.merges = Array.from({ length: MERGED_AREAS_LIMIT + 1 }, (_, i) => ({ top: i + 1, left: 1, bottom: i + 1, right: 2 }));
    const over = ctxOf(b);
    over.workbook.worksheets.getActiveWorksheet().getRange("A1:Z1000").getMergedAreasOrNullObject().areas.load("items/rowIndex");
    await expect(over.sync()).rejects.toBeInstanceOf(HostError);
  });

  it("conditional formats: an unreadable rule fails a load of rules (office-js#6835, #6827) but not of ids and types", async () => {
    const { sheet, book: b } = book();
    sheet.addUserRule("B2", "=B2>1", "#FF0000", { unreadable: true });
    const ctx = ctxOf(b);
    const rules = ctx.workbook.worksheets.getActiveWorksheet().getRange().conditionalFormats;
    rules.load("items/id,items/type");
    await ctx.sync();
    expect(rules.items.map((r) => r.type)).toEqual(["Custom"]);
    rules.load("items/customOrNullObject/rule/formula");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
  });

  it("conditional formats: deleting an undeletable rule fails with ItemNotFound (office-js#5222)", async () => {
    const { sheet, book: b } = book();
    sheet.addUserRule("B2", "=B2>1", "#FF0000", { undeletable: true });
    const ctx = ctxOf(b);
    ctx.workbook.worksheets.getActiveWorksheet().getRange().conditionalFormats.getItem("0").delete();
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(sheet.rules).toHaveLength(1);
  });

  it("a write to a protected sheet throws AccessDenied", async () => {
    const { sheet, book: b } = book();
    sheet.protected = true;
    const ctx = ctxOf(b);
    ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [[1]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("pageLayout.zoom with verticalFitToPages 0 can be refused (undocumented value)", async () => {
    const { book: b } = book();
    b.host.rejectZeroFitToPages = true;
    const ctx = ctxOf(b);
    ctx.workbook.worksheets.getActiveWorksheet().pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ctx.workbook.worksheets.getActiveWorksheet().pageLayout.zoom = { horizontalFitToPages: 1 };
    await ctx.sync();
  });

  it("onChanged: a handler is heard only after the sync that adds it, and no more after the sync that removes it", async () => {
    const { book: b } = book(["A1", { value: 1 }]);
    const ctx = ctxOf(b);
    const heard: unknown[] = [];
    const r = ctx.workbook.worksheets.onChanged.add(async (args) => void heard.push(args));
    await b.userEdit("表1", "A1", 2);
    expect(heard).toEqual([]); // not registered before its sync
    await ctx.sync();
    await b.userEdit("表1", "A1", 3);
    expect(heard).toEqual([expect.objectContaining({ worksheetId: b.sheets[0].id, address: "A1", source: "Local", changeType: "RangeEdited" })]);
    r.remove();
    await b.userEdit("表1", "A1", 4);
    expect(heard).toHaveLength(2); // removal takes effect at the next sync
    await ctx.sync();
    await b.userEdit("表1", "A1", 5);
    expect(heard).toHaveLength(2);
  });

  it("getItem takes a name (case-insensitive) or an id; visibility includes VeryHidden", async () => {
    const { book: b, sheet } = book();
    const ctx = ctxOf(b);
    const byId = ctx.workbook.worksheets.getItem(sheet.id).load("name");
    const byName = ctx.workbook.worksheets.getItem("表1").load("visibility");
    byName.visibility = "VeryHidden";
    await ctx.sync();
    expect(byId.name).toBe("表1");
    expect(sheet.visibility).toBe("VeryHidden");
  });

  it("clear(Contents) keeps formats, clear(Formats) keeps values; hyperlink sets the link and the text shown", async () => {
    const { book: b, sheet } = book(["A1", { value: "x", numberFormat: "@" }], ["A2", { value: 2, numberFormat: "0.00" }]);
    const ctx = ctxOf(b);
    const ws = ctx.workbook.worksheets.getItem("表1");
    ws.getRange("A1").clear("Contents");
    ws.getRange("A2").clear("Formats");
    ws.getRange("B1").hyperlink = { documentReference: "'表1'!A2", textToDisplay: "去 A2" };
    await ctx.sync();
    expect([sheet.at("A1"), sheet.at("A2"), sheet.at("B1")]).toEqual([
      { value: null, numberFormat: "@" },
      { value: 2 },
      { value: "去 A2", hyperlink: { documentReference: "'表1'!A2", textToDisplay: "去 A2" } },
    ]);
  });

  describe("issue 20: Excel as documented, where the first fake was kinder", () => {
    it("conditional formats: an id is a position; add() takes the top; a delete moves the ones after it up", async () => {
      const { sheet, book: b } = book();
      sheet.addUserRule("A1", "=A1>1", "#000001");
      sheet.addUserRule("A2", "=A2>1", "#000002"); // the newer rule is on top
      const ctx = ctxOf(b);
      const rules = ctx.workbook.worksheets.getActiveWorksheet().getRange().conditionalFormats;
      const added = rules.add("Custom");
      added.custom.rule.formula = "=ours";
      rules.load("items/id,items/customOrNullObject/rule/formula");
      await ctx.sync();
      expect(rules.items.map((r) => [r.id, r.customOrNullObject.rule.formula])).toEqual([
        ["0", "=ours"],
        ["1", "=A2>1"],
        ["2", "=A1>1"],
      ]);
      // "0" and then "1" in one batch: the second id now names what was at 2
      rules.getItem("0").delete();
      rules.getItem("1").delete();
      await ctx.sync();
      expect(sheet.rules.map((r) => r.formula)).toEqual(["=A2>1"]);
    });

    it("a Text (\"@\") cell keeps a typed apostrophe, and a number entered becomes text; a later format does not convert it", async () => {
      const { sheet, book: b } = book(["A1", { value: null, numberFormat: "@" }], ["A2", { value: null, numberFormat: "@" }], ["A3", { value: 1, formula: "SUM(A2)" }]);
      const ctx = ctxOf(b);
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange("A1").values = [["'93.77%"]];
      ws.getRange("A2").values = [[96.37]];
      ws.getRange("A2").numberFormat = [["0.00"]];
      await ctx.sync();
      expect(sheet.at("A1")?.value).toBe("'93.77%");
      expect(sheet.at("A2")).toMatchObject({ value: "96.37", numberFormat: "0.00" });
      expect(sheet.at("A3")?.value).toBe(0); // SUM ignores text
      ws.getRange("A2").values = [[96.37]]; // entered again under a number format: a number
      await ctx.sync();
      expect(sheet.at("A3")?.value).toBe(96.37);
    });

    it("onChanged is raised for the add-in's own writes, after the batch, with triggerSource ThisLocalAddin (ExcelApi 1.14)", async () => {
      const { sheet, book: b } = book(["A1", { value: 1 }]);
      const ctx = ctxOf(b);
      const heard: Record<string, unknown>[] = [];
      ctx.workbook.worksheets.onChanged.add(async (args) => void heard.push(args as unknown as Record<string, unknown>));
      await ctx.sync();
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange("B2").values = [[5]];
      ws.getRange("C3").numberFormat = [["0.00"]]; // a format: onFormatChanged, not onChanged
      await ctx.sync();
      await b.eventsSettled();
      expect(heard).toEqual([expect.objectContaining({ worksheetId: sheet.id, address: "B2", triggerSource: "ThisLocalAddin" })]);
      await b.userEdit("表1", "D4", 7);
      expect(heard[1]).toMatchObject({ address: "D4", triggerSource: "Unknown" });
      b.host.triggerSource = false; // an Excel without ExcelApi 1.14
      ws.getRange("B2").values = [[6]];
      await ctx.sync();
      await b.eventsSettled();
      expect(heard[2]).toMatchObject({ address: "B2" });
      expect(heard[2]).not.toHaveProperty("triggerSource");
    });

    it("a very hidden sheet refuses delete (office-js#365) until it is made hidden; a protected structure refuses both", async () => {
      const { book: b } = book();
      const store = new FakeSheet("ziping");
      store.visibility = "VeryHidden";
      b.sheets.push(store);
      const ctx = ctxOf(b);
      ctx.workbook.worksheets.getItem("ziping").delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
      expect(b.sheets).toHaveLength(2);
      b.structureProtected = true;
      const again = ctxOf(b);
      again.workbook.worksheets.getItem("ziping").visibility = "Hidden";
      await expect(again.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      again.workbook.worksheets.add("新表");
      await expect(again.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      b.structureProtected = false;
      const ok = ctxOf(b);
      const ws = ok.workbook.worksheets.getItem("ziping");
      ws.visibility = "Hidden";
      ws.delete();
      await ok.sync();
      expect(b.sheets.map((x) => x.name)).toEqual(["表1"]);
    });

    it("above 512 merged areas the read fails on any sheet, not only the active one", async () => {
      const { book: b } = book(["A1", { value: "x" }]);
      const other = new FakeSheet("表2");
      other.merges = Array.from({ length: 600 }, (_, i) => ({ top: i + 1, left: 1, bottom: i + 1, right: 2 }));
      b.sheets.push(other);
      const ctx = ctxOf(b);
      ctx.workbook.worksheets.getItem("表2").getRange("A1:AZ1000").getMergedAreasOrNullObject().areas.load("items/rowIndex");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
    });

    it("manual calculation: a user's edit leaves formulas stale until Application.calculate", async () => {
      const { sheet, book: b } = book(["A1", { value: 1 }], ["A2", { value: 2, formula: "A1*2" }]);
      b.host.calculationMode = "Manual";
      await b.userEdit("表1", "A1", 5);
      expect(sheet.at("A2")?.value).toBe(2);
      const ctx = ctxOf(b);
      ctx.workbook.application.calculate("Recalculate" as Excel.CalculationType);
      await ctx.sync();
      expect(sheet.at("A2")?.value).toBe(10);
    });

    it("a save and reopen on the web or Mac can lose the workbook's settings (office-js#360, #2940, #6091)", () => {
      const { book: b } = book();
      b.settings.set("ziping.undo", "{}");
      b.saveAndReopen({ keepSettings: true });
      expect(b.settings.has("ziping.undo")).toBe(true);
      b.saveAndReopen({ keepSettings: false });
      expect(b.settings.has("ziping.undo")).toBe(false);
    });
  });
});
