/**
 * Files told apart by their bytes, whatever their name (issue 21 item 6): real .ods, .xls and .csv made by LibreOffice
 * from a seed form, a web page as business systems export it, an encrypted workbook, a Word document — each renamed
 * .xlsx. The pane gives each its own message and next step (fileMessages.ts); the command line converts them by
 * content (src/cli/inputs.ts), so an .ods renamed .xlsx is checked like the .xlsx it came from.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { zipSync, strToU8 } from "fflate";
import { fileKind, FileKind } from "../../src/adapters/fileKind";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { workbookBytes as cliWorkbookBytes } from "../../src/cli/inputs";
import { analyzeSheet, getProfile, sheetReport } from "../../src/engine";
import { fileRefusal, unreadableMessage } from "../../src/taskpane/fileMessages";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { workbookBytes } from "../fixtures/seedWorkbooks";

jest.setTimeout(120_000);

let dir: string;
let xlsx: Uint8Array;
const made = new Map<string, Uint8Array>();

/** LibreOffice converts the seed .xlsx into another format (one soffice process per format). */
function convert(to: string): Uint8Array {
  const out = join(dir, `out-${to.replace(/\W/g, "")}`);
  mkdirSync(out);
  const profile = pathToFileURL(join(dir, `profile-${to.replace(/\W/g, "")}`)).href;
  execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", to, "--outdir", out, join(dir, "表1.xlsx")], { stdio: "pipe", timeout: 120_000 });
  const [name] = readdirSync(out);
  return readFileSync(join(out, name));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ziping-kind-"));
  xlsx = await workbookBytes([seedSheet(SEED_FORMS[0]).spec]);
  writeFileSync(join(dir, "表1.xlsx"), xlsx);
  made.set("ods", convert("ods"));
  made.set("xls", convert("xls:MS Excel 97"));
  made.set("csv", convert("csv:Text - txt - csv (StarCalc):44,34,76"));
  // what a business system exports under the name .xls: an HTML table
  made.set("html", strToU8(`<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body><table><tr><td>项目名称</td><td>购买新智能单兵设备</td></tr></table></body></html>`));
  // an .xlsx with an opening password: an OLE file holding an EncryptedPackage stream
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  [..."EncryptedPackage"].forEach((c, i) => (ole[1024 + i * 2] = c.charCodeAt(0)));
  made.set("encrypted", ole);
  made.set("docx", zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") }));
  made.set("pdf", strToU8("%PDF-1.7\n1 0 obj\n"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("fileKind: by the bytes", () => {
  it.each([
    ["ods", "ods"],
    ["xls", "xls"],
    ["csv", "csv"],
    ["html", "html"],
    ["encrypted", "encrypted"],
    ["docx", "docx"],
    ["pdf", "pdf"],
  ] as [string, FileKind][])("%s is %s", (made_, kind) => {
    expect(fileKind(made.get(made_)!)).toBe(kind);
  });

  it("an .xlsx is an .xlsx; one cut short is a damaged zip; nothing is empty", () => {
    expect(fileKind(xlsx)).toBe("xlsx");
    expect(fileKind(xlsx.subarray(0, Math.floor(xlsx.length / 2)))).toBe("zip-damaged");
    expect(fileKind(new Uint8Array())).toBe("empty");
    expect(fileKind(strToU8("这不是表格"))).toBe("unknown");
  });
});

describe("the pane's message: each kind its own, with its next step, renamed or not", () => {
  const message = (kind: string, name = "自评表.xlsx") => fileRefusal(name, made.get(kind)!)!;

  it.each([
    ["ods", /OpenDocument 表格.*扩展名是 \.xlsx，但内容不是.*WPS、LibreOffice 或 Excel 打开它.*另存为.*Excel 工作簿（\*\.xlsx）/],
    ["xls", /旧版 Excel 文件（\.xls 格式.*扩展名是 \.xlsx，但内容不是.*另存为.*Excel 工作簿（\*\.xlsx）/],
    ["csv", /CSV 文本文件.*扩展名是 \.xlsx，但内容不是.*请选择自评表原来的 Excel 文件/],
    ["html", /网页格式的表格.*扩展名是 \.xlsx，但内容不是.*格式与扩展名不一致.*选“是”/],
    ["encrypted", /设置了打开密码.*清空密码并保存/],
    ["docx", /Word 文档.*新建自评表/],
    ["pdf", /PDF 文件.*新建自评表/],
  ])("%s renamed .xlsx", (kind, expected) => {
    expect(message(kind)).toMatch(expected);
    expect(message(kind)).not.toMatch(/维护人员|管理员/);
  });

  it("every kind says something different", () => {
    const all = [...made.keys()].map((k) => message(k).replace("自评表.xlsx", ""));
    expect(new Set(all).size).toBe(all.length);
  });

  it("under its own extension the file is not called renamed; an .xlsx named .xls is read, not refused", () => {
    expect(message("ods", "自评表.ods")).not.toContain("扩展名");
    expect(message("xls", "自评表.xls")).not.toContain("扩展名");
    expect(fileRefusal("自评表.xls", xlsx)).toBeNull();
    expect(fileRefusal("自评表.xlsx", xlsx)).toBeNull();
  });

  it("a damaged .xlsx is called damaged, with where to get it again", () => {
    expect(unreadableMessage("坏.xlsx", xlsx.subarray(0, 1000))).toMatch(/已损坏.*重新下载/);
  });
});

describe("the command line converts by content", () => {
  it("an .ods renamed .xlsx is converted by LibreOffice and checked like the form it came from", async () => {
    const file = join(dir, "改名的.xlsx");
    writeFileSync(file, made.get("ods")!);
    const loaded = await cliWorkbookBytes(file);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.converted).toBe(true);
    const book = await readWorkbook(loaded.bytes);
    if (!book.ok) throw new Error(book.message);
    expect(sheetReport(analyzeSheet(book.grids[0], getProfile()!)).form?.total.computed).toBe("96.37");
  });

  it("an .xlsx renamed .xls is read directly, not handed to LibreOffice", async () => {
    const file = join(dir, "其实是xlsx.xls");
    writeFileSync(file, xlsx);
    const loaded = await cliWorkbookBytes(file);
    expect(loaded.ok && loaded.converted).toBe(false);
  });
});
