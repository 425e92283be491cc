/**
 * The reader on input that is not what a spreadsheet writes (issue 22): nesting a thousand levels deep, elements with
 * thousands of attributes, a text run of many megabytes, byte-order marks, UTF-16 and GBK parts, numbers that are not
 * numbers, a workbook without a worksheet. Each is refused with its Chinese reason or read as it should be — never a
 * crash, never an exhausted heap.
 */
import { cellKey } from "../../../src/engine";
import { openWorkbook, readWorkbook } from "../../../src/adapters/xlsx/readWorkbook";
import { minimalWorkbook, NS, Parts, unzipParts, zipParts } from "../../fixtures/files/ooxml";
import { bigSheetPackage, packageWithPart } from "../../fixtures/files/hostile";

async function read(bytes: Uint8Array) {
  const r = await readWorkbook(bytes);
  if (!r.ok) throw new Error(r.message);
  return r;
}

const sheetOf = (body: string) => minimalWorkbook([{ name: "表1", body }]);

/** A workbook whose one part is replaced by raw bytes (a BOM, another encoding). */
function withPart(bytes: Uint8Array, name: string, content: Uint8Array): Uint8Array {
  const parts: Parts = unzipParts(bytes);
  parts.set(name, content);
  return zipParts(parts);
}

describe("bounded parsing: what no spreadsheet writes is refused where the parser meets it", () => {
  it("a sheet of 126 MB of nesting (129 KB of zip) is FILE_UNREADABLE at once, not an exhausted heap", () => {
    const bytes = bigSheetPackage(Buffer.alloc(126 * 1024 * 1024, "<a>"));
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const opened = openWorkbook(bytes);
    if (!opened.ok) throw new Error(opened.message);
    // (the time and memory of it are the folder check's, test/cli/hostileFiles.test.ts)
    expect(() => opened.read(0)).toThrow(/嵌套超过 256 层/);
  });

  it("the reason reaches the caller as FILE_UNREADABLE naming the part", async () => {
    const r = await readWorkbook(sheetOf(`<sheetData>${"<x>".repeat(300)}${"</x>".repeat(300)}</sheetData>`));
    expect(r).toEqual({ ok: false, code: "FILE_UNREADABLE", message: "文件结构异常，无法读取（部件“xl/worksheets/sheet1.xml”的元素嵌套超过 256 层）" });
  });

  it("nesting of 200 levels inside an extension list is read (real parts are some 10 deep)", async () => {
    const r = await read(sheetOf(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c></row></sheetData><extLst>${"<ext>".repeat(200)}${"</ext>".repeat(200)}</extLst>`));
    expect(r.grids[0].cells.get(cellKey(1, 1))?.value).toBe("甲");
  });

  it("an element with 2,000 attributes is FILE_UNREADABLE", async () => {
    const attrs = Array.from({ length: 2000 }, (_x, i) => ` a${i}="1"`).join("");
    const r = await readWorkbook(sheetOf(`<sheetData><row r="1"${attrs}/></sheetData>`));
    expect(r).toEqual({ ok: false, code: "FILE_UNREADABLE", message: "文件结构异常，无法读取（部件“xl/worksheets/sheet1.xml”中一个元素的属性超过 1,024 个）" });
  });

  it("a cell text of 3 million characters is FILE_TOO_LARGE (Excel holds 32,767 in a cell)", async () => {
    const r = await readWorkbook(sheetOf(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${"字".repeat(3_000_000)}</t></is></c></row></sheetData>`));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe("FILE_TOO_LARGE");
    expect(!r.ok && r.message).toBe("部件“xl/worksheets/sheet1.xml”中有一段文字或标记长于 1,048,576 个字符，超出本工具的处理上限");
  });

  it("a workbook part of a million sheets is FILE_TOO_LARGE before the list is built", async () => {
    const sheets = "<sheet/>".repeat(1_100_000);
    const r = await readWorkbook(packageWithPart("xl/workbook.xml", new TextEncoder().encode(`<workbook ${NS}><sheets>${sheets}</sheets></workbook>`)));
    expect(r).toEqual({ ok: false, code: "FILE_TOO_LARGE", message: "部件“xl/workbook.xml”的元素超过 1,000,000 个，超出本工具的处理上限" });
  });
});

it("a workbook part of 33 MB (a million defined names' worth of text) is FILE_TOO_LARGE before it is read", async () => {
  const names = `<definedName name="a">${"x".repeat(1000)}</definedName>`.repeat(34_000);
  const r = await readWorkbook(packageWithPart("xl/workbook.xml", new TextEncoder().encode(`<workbook ${NS}><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets><definedNames>${names}</definedNames></workbook>`)));
  expect(r).toEqual({ ok: false, code: "FILE_TOO_LARGE", message: "部件“xl/workbook.xml”超过 32 MB（解压后），超出本工具的处理上限" });
});

describe("encodings", () => {
  const body = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c><c r="B1"><v>12.5</v></c></row></sheetData>';
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>${body}</worksheet>`;
  const utf16 = (text: string, le: boolean, bom = true) => {
    const le16 = Buffer.from(text, "utf16le");
    if (!le) le16.swap16();
    return new Uint8Array(Buffer.concat([bom ? Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), le16]));
  };
  const cellsOf = async (bytes: Uint8Array) => {
    const g = (await read(bytes)).grids[0];
    return [g.cells.get(cellKey(1, 1))?.value, g.cells.get(cellKey(1, 2))?.value];
  };

  it("a UTF-8 byte-order mark is read past", async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(xml)]);
    expect(await cellsOf(withPart(sheetOf(body), "xl/worksheets/sheet1.xml", bom))).toEqual(["项目名称", 12.5]);
  });

  it.each([
    ["UTF-16LE with its mark", true, true],
    ["UTF-16BE with its mark", false, true],
    ["UTF-16LE without a mark", true, false],
  ])("a part in %s is read", async (_n, le, bom) => {
    const text = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    expect(await cellsOf(withPart(sheetOf(body), "xl/worksheets/sheet1.xml", utf16(text, le, bom)))).toEqual(["项目名称", 12.5]);
  });

  it("a part declared GBK is refused, naming the encoding (OPC allows UTF-8 and UTF-16 only)", async () => {
    const gbk = new Uint8Array(Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="GBK"').replace("项目名称", "xiangmu"), "latin1"));
    const r = await readWorkbook(withPart(sheetOf(body), "xl/worksheets/sheet1.xml", gbk));
    expect(r).toEqual({ ok: false, code: "FILE_UNREADABLE", message: "部件“xl/worksheets/sheet1.xml”使用了字符编码“GBK”，Office Open XML 文件只能用 UTF-8 或 UTF-16；请用 Excel 或 WPS 另存为 .xlsx 后再试" });
  });

  it("bytes that are no UTF-8 (GBK without a declaration) are refused, not read as mojibake", async () => {
    // 项目 in GBK: CF EE C4 BF
    const bytes = new Uint8Array([...new TextEncoder().encode(`<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`), 0xcf, 0xee, 0xc4, 0xbf, ...new TextEncoder().encode("</t></is></c></row></sheetData></worksheet>")]);
    const r = await readWorkbook(withPart(sheetOf(body), "xl/worksheets/sheet1.xml", bytes));
    expect(r).toEqual({ ok: false, code: "FILE_UNREADABLE", message: "部件“xl/worksheets/sheet1.xml”不是有效的 UTF-8 文本（可能用了未声明的编码，如 GBK）；请用 Excel 或 WPS 另存为 .xlsx 后再试" });
  });
});

describe("numbers are read as XML Schema numbers", () => {
  it.each([
    ["0x5", "0x5"],
    ["0b1", "0b1"],
    ["Infinity", "Infinity"],
    ["1e3", 1000],
    ["-.5", -0.5],
    [" 7 ", 7],
  ])("<v>%s</v> in a number cell reads as %p", async (v, expected) => {
    const r = await read(sheetOf(`<sheetData><row r="1"><c r="A1"><v>${v}</v></c></row></sheetData>`));
    expect(r.grids[0].cells.get(cellKey(1, 1))?.value).toBe(expected);
  });

  it("a shared string index 0x1 or a row number 0x2 is not a number either", async () => {
    expect((await readWorkbook(sheetOf('<sheetData><row r="0x2"><c><v>1</v></c></row></sheetData>'))).ok).toBe(false);
    const parts = unzipParts(minimalWorkbook([{ name: "表1", body: '<sheetData><row r="1"><c r="A1" t="s"><v>0x1</v></c></row></sheetData>' }]));
    parts.set("xl/sharedStrings.xml", new TextEncoder().encode(`<sst ${NS}><si><t>甲</t></si><si><t>乙</t></si></sst>`));
    const rels = new TextDecoder().decode(parts.get("xl/_rels/workbook.xml.rels"));
    parts.set("xl/_rels/workbook.xml.rels", new TextEncoder().encode(rels.replace("</Relationships>", '<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')));
    const r = await read(zipParts(parts));
    expect(r.grids[0].cells.get(cellKey(1, 1))?.value ?? null).toBeNull();
  });
});

describe("a workbook without a worksheet", () => {
  it("no sheet at all: FORM_NOT_FOUND with what is true of it", () => {
    expect(openWorkbook(minimalWorkbook([]))).toEqual({ ok: false, code: "FORM_NOT_FOUND", message: "工作簿中没有工作表，没有可校验的自评表" });
  });

  it("only a chart sheet: FORM_NOT_FOUND saying so", () => {
    const parts = unzipParts(minimalWorkbook([{ name: "图表1", body: "<sheetData/>" }]));
    const rels = new TextDecoder().decode(parts.get("xl/_rels/workbook.xml.rels"));
    parts.set("xl/_rels/workbook.xml.rels", new TextEncoder().encode(rels.replace("/worksheet\"", '/chartsheet"')));
    expect(openWorkbook(zipParts(parts))).toEqual({ ok: false, code: "FORM_NOT_FOUND", message: "工作簿中只有图表工作表（“图表1”），没有工作表，没有可校验的自评表" });
  });
});
