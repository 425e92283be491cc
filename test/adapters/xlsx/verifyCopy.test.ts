/**
 * The writer's last look (write/verifyCopy.ts), case by case: each planted defect in a small valid package is named,
 * and a defect the input's own part already had is not held against the copy.
 */
import { packageProblems } from "../../../src/adapters/xlsx/write/verifyCopy";

const SML = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A small valid package, part by part, as text. */
const VALID: Readonly<Record<string, string>> = {
  "[Content_Types].xml":
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
  "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  "xl/workbook.xml": `<workbook ${SML} ${R}><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'表1'!$A$1:$B$2</definedName></definedNames></workbook>`,
  "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  "xl/styles.xml": `<styleSheet ${SML}><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00%"/></numFmts><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="1" borderId="0" xfId="0"/></cellXfs><dxfs count="1"><dxf/></dxfs></styleSheet>`,
  "xl/worksheets/sheet1.xml": `<worksheet ${SML} ${R}><dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"/></row></sheetData><mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells><conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
};

function problems(changes: Readonly<Record<string, string>>, original: Readonly<Record<string, string>> = VALID): string[] {
  const after = { ...VALID, ...changes };
  const bytes = (text: string | undefined) => (text === undefined ? null : new TextEncoder().encode(text));
  return packageProblems({
    written: new Map(Object.keys(changes).map((n) => [n, bytes(after[n])!])),
    names: Object.keys(after),
    inputNames: Object.keys(original),
    read: (n) => bytes(after[n]),
    original: (n) => bytes(original[n]),
    workbook: "xl/workbook.xml",
    styles: "xl/styles.xml",
  });
}

const edit = (part: string, from: string, to: string) => ({ [part]: VALID[part].replace(from, to) });

it("the valid package passes, every part written", () => {
  expect(problems(VALID, {})).toEqual([]);
});

it.each([
  ["an attribute prefix declared nowhere (d2p1:id)", edit("xl/workbook.xml", 'r:id="rId1"', 'd2p1:id="rId1"'), "xl/workbook.xml：不是格式正确的 XML（属性 d2p1:id 的前缀没有声明）"],
  ["an element prefix declared nowhere", edit("xl/worksheets/sheet1.xml", "<dimension", "<x:dimension"), "xl/worksheets/sheet1.xml：不是格式正确的 XML（元素 <x:dimension> 的前缀没有声明）"],
  ["a control character", edit("xl/worksheets/sheet1.xml", "<v>2</v>", "<v>2\u0001</v>"), "xl/worksheets/sheet1.xml：不是格式正确的 XML（disallowed character.）"],
  ["<dimension> after <sheetData>", { "xl/worksheets/sheet1.xml": VALID["xl/worksheets/sheet1.xml"].replace('<dimension ref="A1:B2"/>', "").replace("</sheetData>", '</sheetData><dimension ref="A1:B2"/>') }, "xl/worksheets/sheet1.xml：<dimension> 的位置不符合 SpreadsheetML 的顺序（应在 <sheetData> 之前）"],
  ["<conditionalFormatting> before <mergeCells>", edit("xl/worksheets/sheet1.xml", '<mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells><conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>', '<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting><mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>'), "xl/worksheets/sheet1.xml：<mergeCells> 的位置不符合 SpreadsheetML 的顺序（应在 <conditionalFormatting> 之前）"],
  ["two <dimension>", edit("xl/worksheets/sheet1.xml", "<sheetData>", '<dimension ref="A1"/><sheetData>'), "xl/worksheets/sheet1.xml：<dimension> 出现了不止一次"],
  ["rows out of order", edit("xl/worksheets/sheet1.xml", '<row r="2">', '<row r="1">'), "xl/worksheets/sheet1.xml：行 1 不在行的顺序上"],
  ["cells out of order", edit("xl/worksheets/sheet1.xml", '<c r="B1">', '<c r="A1">'), "xl/worksheets/sheet1.xml：单元格 A1 不在行列的顺序上"],
  ["a wrong mergeCells count", edit("xl/worksheets/sheet1.xml", 'mergeCells count="1"', 'mergeCells count="2"'), "xl/worksheets/sheet1.xml：<mergeCells> 的 count 为 2，实有 1 项"],
  ["a cell style past cellXfs", edit("xl/worksheets/sheet1.xml", 's="1"', 's="2"'), "xl/worksheets/sheet1.xml：单元格 A1的样式 2 超出单元格格式的数目（2）"],
  ["a rule's dxf past dxfs", edit("xl/worksheets/sheet1.xml", 'dxfId="0"', 'dxfId="1"'), "xl/worksheets/sheet1.xml：条件格式引用的差异格式 1 超出其数目（1）"],
  ["a wrong cellXfs count", edit("xl/styles.xml", 'cellXfs count="2"', 'cellXfs count="3"'), "xl/styles.xml：<cellXfs> 的 count 为 3，实有 2 项"],
  ["a format with a font that is not there", edit("xl/styles.xml", 'numFmtId="164" fontId="0"', 'numFmtId="164" fontId="1"'), "xl/styles.xml：单元格格式 1 引用了不存在的字体、填充、边框或单元格样式"],
  ["a custom number format that is not there", edit("xl/styles.xml", '<numFmt numFmtId="164"', '<numFmt numFmtId="165"'), "xl/styles.xml：单元格格式 1 引用了不存在的数字格式 164"],
  ["two sheets of one name", edit("xl/workbook.xml", "</sheets>", '<sheet name="表1" sheetId="2" r:id="rId1"/></sheets>'), "xl/workbook.xml：工作表名“表1”重复"],
  ["a sheet whose relationship is not there", edit("xl/workbook.xml", 'r:id="rId1"', 'r:id="rId9"'), "xl/workbook.xml：工作表“表1”的关系“rId9”不存在"],
  ["a defined name of a sheet that is not there", edit("xl/workbook.xml", 'localSheetId="0"', 'localSheetId="1"'), "xl/workbook.xml：定义名称“_xlnm.Print_Area”的 localSheetId 1 超出工作表数目"],
  ["a relationship id twice", edit("xl/_rels/workbook.xml.rels", 'Id="rId2"', 'Id="rId1"'), "xl/_rels/workbook.xml.rels：关系 ID“rId1”重复"],
  ["a second styles relationship", edit("xl/_rels/workbook.xml.rels", "</Relationships>", `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`), "xl/_rels/workbook.xml.rels：styles 关系出现了 2 次"],
  ["a relationship to a part that is not there", edit("xl/_rels/workbook.xml.rels", 'Target="styles.xml"', 'Target="styles2.xml"'), "xl/_rels/workbook.xml.rels：关系“rId2”指向的部件“styles2.xml”不存在"],
  ["an Override listed twice", edit("[Content_Types].xml", "</Types>", '<Override PartName="/XL/workbook.xml" ContentType="application/xml"/></Types>'), "[Content_Types].xml：部件“/xl/workbook.xml”的内容类型登记了不止一次"],
])("%s is named", (_n, changes, expected) => {
  expect(problems(changes)).toContain(expected);
});

it("a part without a content type is named", () => {
  const added = { "xl/extra.bin": "<x/>" };
  expect(problems({ "[Content_Types].xml": VALID["[Content_Types].xml"].replace('<Default Extension="xml" ContentType="application/xml"/>', ""), ...added }).filter((p) => p.includes("没有内容类型"))).toEqual([
    "[Content_Types].xml：部件“xl/styles.xml”没有内容类型",
    "[Content_Types].xml：部件“xl/worksheets/sheet1.xml”没有内容类型",
    "[Content_Types].xml：部件“xl/extra.bin”没有内容类型",
  ]);
});

it("what the input's own part already had is not the copy's problem; what the copy added is", () => {
  const wrongCount = VALID["xl/worksheets/sheet1.xml"].replace('mergeCells count="1"', 'mergeCells count="5"');
  // the input already said 5: a copy that changes a cell keeps that, and is written
  expect(problems({ "xl/worksheets/sheet1.xml": wrongCount.replace("<v>2</v>", "<v>3</v>") }, { ...VALID, "xl/worksheets/sheet1.xml": wrongCount })).toEqual([]);
  // a copy that adds its own defect to it is refused for that one
  expect(problems({ "xl/worksheets/sheet1.xml": wrongCount.replace('<c r="B1">', '<c r="A1">') }, { ...VALID, "xl/worksheets/sheet1.xml": wrongCount })).toEqual(["xl/worksheets/sheet1.xml：单元格 A1 不在行列的顺序上"]);
});
