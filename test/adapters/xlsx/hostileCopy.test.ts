/**
 * The scored copy of packages as the world writes them (issue 22): every part the copy changes stays
 * namespace-well-formed XML whatever prefixes, marks, encodings and extensions the input used; what XML cannot hold
 * never reaches it; styles do not grow on a re-fix; unsafe or damaged zip entries are never copied silently; no
 * relationship or content type is written twice; Strict Open XML is refused rather than mixed.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { getProfile } from "../../../src/engine";
import { EMPTY_STORE } from "../../../src/app/workbookStore";
import { checkFile, fixFile, writeStore } from "../../../src/adapters/xlsx/files";
import { readWorkbook } from "../../../src/adapters/xlsx/readWorkbook";
import { EXCEL_STYLE_VARIANTS, excelStyleWorkbook, seedFormParts, strict } from "../../fixtures/files/excelStyle";
import { text, setText, unzipParts, zipParts } from "../../fixtures/files/ooxml";
import { changedParts, partText, xmlProblems } from "../../fixtures/files/wellFormed";
import { tempDir } from "../../fixtures/seedWorkbooks";
import { convertWithLibreOffice, SKIP_LIBREOFFICE } from "../../template/libreOffice";

jest.setTimeout(60_000);

const profile = getProfile("putuo-2023")!;

async function fixed(input: Uint8Array, options: Parameters<typeof fixFile>[2] = {}) {
  const r = await fixFile(input, profile, options);
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** 总分 of the first form as the copy reads back. */
async function totalOf(bytes: Uint8Array): Promise<string | null> {
  const r = await checkFile(bytes, profile);
  if (!r.ok) throw new Error(r.message);
  return r.result.sheets.find((s) => s.report.isForm)?.report.forms[0].form.total.declared ?? null;
}

describe.each(Object.entries(EXCEL_STYLE_VARIANTS))("fix of seed form 1 %s", (_name, variant) => {
  let input: Uint8Array;
  beforeAll(async () => {
    input = await excelStyleWorkbook(variant);
  });

  it("fix --summary-sheet: every changed part is namespace-well-formed; the copy reads back with its 总分 and fixes again", async () => {
    expect(await totalOf(input)).toBeNull();
    const copy = await fixed(input, { summarySheet: true });
    expect(copy.written).toBeGreaterThan(0);
    expect(xmlProblems(changedParts(input, copy.bytes))).toEqual([]);
    expect(await totalOf(copy.bytes)).toBe("96.37");
    const again = await fixed(copy.bytes, { summarySheet: true, overwriteScores: true });
    expect(xmlProblems(changedParts(copy.bytes, again.bytes))).toEqual([]);
    expect(again.findingsSheet).toBe("校验结果");
    expect(again.summarySheet).toBe("汇总");
  });

  it("writeStore: the store sheet added, every changed part namespace-well-formed", async () => {
    const stored = await writeStore(input, { ...EMPTY_STORE, profile: "mof-2020" });
    if (!stored.ok) throw new Error(stored.message);
    expect(xmlProblems(changedParts(input, stored.bytes))).toEqual([]);
  });
});

describe("namespaces", () => {
  it("a <sheet> added beside sheets whose relationship prefix is declared on themselves (d2p1:id) declares its own", async () => {
    const input = await excelStyleWorkbook(EXCEL_STYLE_VARIANTS["the relationship prefix declared on each <sheet> (d2p1:id)"]);
    const copy = await fixed(input);
    const workbook = partText(unzipSync(copy.bytes)["xl/workbook.xml"]);
    expect(workbook).toMatch(/<sheet name="校验结果" sheetId="3" r:id="rId\d+" xmlns:r="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"\/>/);
  });

  it("Strict Open XML is refused with 请另存为 Excel 工作簿 (never a copy of mixed strict and transitional parts); check reads it", async () => {
    const parts = await seedFormParts();
    strict(parts);
    const input = zipParts(parts);
    expect(await totalOf(input)).toBeNull();
    const r = await fixFile(input, profile);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe("这是 Strict Open XML 格式的工作簿，本工具只能为它出报告，不能写出副本；请另存为 Excel 工作簿（.xlsx）后再试");
    const stored = await writeStore(input, { ...EMPTY_STORE, profile: "mof-2020" });
    expect(stored.ok).toBe(false);
  });
});

describe("text XML cannot hold", () => {
  it("a 项目名称 holding _x0001_ (Excel's escape of a control character) never reaches the copy's markup raw", async () => {
    const parts = await seedFormParts();
    setText(parts, "xl/sharedStrings.xml", text(parts, "xl/sharedStrings.xml").replace("<t>购买新智能单兵设备</t>", "<t>购买新_x0001_智能_x001F_单兵设备</t>"));
    const input = zipParts(parts);
    const copy = await fixed(input, { summarySheet: true });
    const changed = changedParts(input, copy.bytes);
    expect(xmlProblems(changed)).toEqual([]);
    const summary = Object.entries(changed).find(([, d]) => strFromU8(d).includes("hyperlink"))!;
    expect(strFromU8(summary[1])).toContain('display="购买新智能单兵设备"');
  });
});

describe("text Excel would read otherwise", () => {
  it("a 项目名称 holding the literal text _x0041_ is written so that it reads back as itself, not as A", async () => {
    const parts = await seedFormParts();
    // how Excel stores the literal text "_x0041_" (ST_Xstring escapes its own underscore)
    setText(parts, "xl/sharedStrings.xml", text(parts, "xl/sharedStrings.xml").replace("<t>购买新智能单兵设备</t>", "<t>设备_x005F_x0041_采购</t>"));
    const copy = await fixed(zipParts(parts), { summarySheet: true });
    const reading = await readWorkbook(copy.bytes);
    if (!reading.ok) throw new Error(reading.message);
    const texts = reading.sheets.filter((s) => s.isSummarySheet || s.isFindingsSheet).flatMap((s) => [...s.grid.cells.values()].map((c) => c.value));
    expect(texts.filter((v) => typeof v === "string" && v.includes("设备_x0041_采购")).length).toBeGreaterThanOrEqual(2);
    expect(texts.some((v) => typeof v === "string" && v.includes("设备A采购"))).toBe(false);
  });
});

describe("styles do not grow on a re-fix", () => {
  const counts = (bytes: Uint8Array) => {
    const styles = strFromU8(unzipSync(bytes)["xl/styles.xml"]);
    return Object.fromEntries(["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"].map((n) => [n, (new RegExp(`<${n}[^>]*count="(\\d+)"`).exec(styles) ?? [])[1] ?? "0"]));
  };

  it.each([
    ["fix", {}],
    ["fix --summary-sheet --overwrite-scores", { summarySheet: true, overwriteScores: true }],
  ])("ten re-fixes of seed form 1 (%s) leave the styles part's counts as one fix's", async (_n, options) => {
    const input = await excelStyleWorkbook(() => undefined);
    let copy = (await fixed(input, options)).bytes;
    const once = counts(copy);
    expect(Number(once.cellXfs)).toBeGreaterThan(Number(counts(input).cellXfs));
    for (let i = 0; i < 10; i++) copy = (await fixed(copy, options)).bytes;
    expect(counts(copy)).toEqual(once);
  });
});

describe("zip entries that are no part of a package, and damaged ones", () => {
  it("entries named ../../x, /abs and C:\\… are left out of the copy, with a note naming them", async () => {
    const raw = unzipSync(await excelStyleWorkbook(() => undefined));
    const input = zipSync({ ...raw, "../../x.txt": strToU8("x"), "/abs.txt": strToU8("a"), "C:\\evil.txt": strToU8("c") });
    const copy = await fixed(input);
    expect(Object.keys(unzipSync(copy.bytes)).filter((n) => /x\.txt|abs|evil/.test(n))).toEqual([]);
    expect(copy.notes).toEqual(["输入文件中有 3 个不安全的压缩包条目（“../../x.txt”、“/abs.txt”、“C:\\evil.txt”），副本中已略去"]);
  });

  it("a part whose CRC is wrong is never copied silently: no copy, and why", async () => {
    const parts = await seedFormParts();
    parts.set("docProps/thumbnail.jpeg", Uint8Array.from({ length: 2000 }, (_x, i) => (i * 31) % 256));
    const input = zipSync(Object.fromEntries([...parts].map(([n, b]) => [n, [b, { level: n.endsWith(".jpeg") ? 0 : 6 }]])));
    // flip a byte of the stored picture: its CRC no longer matches
    const at = Buffer.from(input).indexOf(Buffer.from(parts.get("docProps/thumbnail.jpeg")!.subarray(0, 64)));
    input[at + 1000] ^= 0xff;
    const r = await fixFile(input, profile);
    expect(r).toMatchObject({ ok: false, code: "FILE_UNREADABLE", message: "文件已损坏，无法生成已计分副本（部件“docProps/thumbnail.jpeg”校验失败）；请用 Excel 或 WPS 打开后另存为 .xlsx 再试" });
  });

  it("a dangling styles relationship gets its part, not a second relationship and a second content type", async () => {
    const parts = unzipParts(await excelStyleWorkbook(() => undefined));
    parts.delete("xl/styles.xml");
    const input = zipParts(parts);
    const copy = await fixed(input);
    const after = unzipSync(copy.bytes);
    const rels = strFromU8(after["xl/_rels/workbook.xml.rels"]);
    expect(rels.match(/relationships\/styles"/g)).toHaveLength(1);
    const types = strFromU8(after["[Content_Types].xml"]);
    expect(types.match(/PartName="\/xl\/styles\.xml"/g)).toHaveLength(1);
    expect(after["xl/styles.xml"]).toBeDefined();
  });

  it("a content type already listed for the sheet part the copy adds is not listed twice", async () => {
    const parts = unzipParts(await excelStyleWorkbook(() => undefined));
    setText(parts, "[Content_Types].xml", text(parts, "[Content_Types].xml").replace("</Types>", '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
    const input = zipParts(parts);
    const copy = await fixed(input);
    const types = strFromU8(unzipSync(copy.bytes)["[Content_Types].xml"]);
    for (const m of types.matchAll(/PartName="([^"]+)"/g)) expect([m[1], types.split(`PartName="${m[1]}"`).length - 1]).toEqual([m[1], 1]);
  });
});

describe("other readers open the copies", () => {
  let copies: Map<string, Uint8Array>;
  beforeAll(async () => {
    copies = new Map();
    let i = 0;
    for (const variant of Object.values(EXCEL_STYLE_VARIANTS)) copies.set(`v${++i}.xlsx`, (await fixed(await excelStyleWorkbook(variant), { summarySheet: true })).bytes);
  });

  (SKIP_LIBREOFFICE ? it.skip : it)("LibreOffice opens the fix --summary-sheet copy of every variant and keeps its 总分", async () => {
    const { outputs } = convertWithLibreOffice(copies, { recalculate: false });
    expect([...outputs.keys()].sort()).toEqual([...copies.keys()].sort());
    for (const [name, bytes] of outputs) expect([name, await totalOf(bytes)]).toEqual([name, "96.37"]);
  }, 240_000);

  const openpyxl = spawnSync("python3", ["-c", "import openpyxl"]).status === 0;
  (openpyxl ? it : it.skip)("openpyxl (where it is installed) loads every copy and reads 总分 96.37 in H22", () => {
    const dir = tempDir();
    for (const [name, bytes] of copies) writeFileSync(join(dir, name), bytes);
    const script = "import sys, openpyxl\nfor f in sys.argv[1:]:\n    wb = openpyxl.load_workbook(f)\n    print(f.split('/')[-1], wb['表1']['H22'].value, ','.join(wb.sheetnames))";
    const r = spawnSync("python3", ["-W", "ignore", "-c", script, ...[...copies.keys()].map((n) => join(dir, n))], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim().split("\n")).toEqual([...copies.keys()].map((n) => `${n} 96.37 表1,数据,汇总,校验结果`));
  });
});
