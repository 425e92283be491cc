/**
 * 汇总 at the command line (issue 13): `ziping check --summary out.xlsx 文件夹/` on a folder of the seed workbook and
 * the shared real workbooks writes one row per form with links that work wherever out.xlsx sits (relative to it; read
 * back with exceljs and LibreOffice); the text report ends with the same table, worst first; the output is refused
 * over an input or an existing file without --force; our own earlier 汇总 in the folder is not checked. `ziping fix
 * --summary-sheet` adds a 汇总 sheet linked to each form, replaced (not duplicated) on a second fix, 汇总(2) beside a
 * user's own 汇总. The checks across the files of a folder name the other file and sheet.
 */
import ExcelJS from "exceljs";
import stringWidth from "string-width";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { strFromU8, unzipSync } from "fflate";
import { main } from "../../src/cli/ziping";
import { relativeHref } from "../../src/cli/summaryOutput";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { EXPECTED, SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { allSeedFormsBytes, tempDir, tempFile, workbookBytes } from "../fixtures/seedWorkbooks";
import { withCells } from "../fixtures/specCells";
import { REAL_FILES } from "../fixtures/realForms";
import { SKIP_LIBREOFFICE } from "../template/libreOffice";

jest.setTimeout(180_000);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const REAL_DIR = join(__dirname, "..", "fixtures", "real-forms");

/** A folder of forms as a reviewer receives it: the seed workbook and the four real workbooks. */
async function reviewerFolder(): Promise<string> {
  const root = tempDir();
  const folder = join(root, "收到的 自评表");
  mkdirSync(folder);
  writeFileSync(join(folder, "普陀区城运中心2023.xlsx"), await allSeedFormsBytes());
  for (const f of REAL_FILES) copyFileSync(join(REAL_DIR, f), join(folder, f));
  return folder;
}

/** The hyperlinks of the 汇总 sheet's part as written: cell → { relationship target, location }. */
function linksInPackage(bytes: Uint8Array): Map<string, { target: string | null; location: string | null }> {
  const parts = unzipSync(bytes);
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
  const rels = parts["xl/worksheets/_rels/sheet1.xml.rels"] ? strFromU8(parts["xl/worksheets/_rels/sheet1.xml.rels"]) : "";
  const targets = new Map([...rels.matchAll(/<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const out = new Map<string, { target: string | null; location: string | null }>();
  for (const m of sheet.matchAll(/<hyperlink ([^>]*)\/>/g)) {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1])?.[1] ?? null;
    const rid = attr("r:id");
    out.set(attr("ref")!, { target: rid ? (targets.get(rid) ?? null) : null, location: attr("location")?.replace(/&apos;/g, "'").replace(/&quot;/g, '"') ?? null });
  }
  return out;
}

/** `'表1'!H6` → ["表1", "H6"]. */
const place = (location: string) => {
  const m = /^'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(location);
  if (!m) throw new Error(`not a place: ${location}`);
  return [m[1].replace(/''/g, "'"), m[2]];
};

describe("ziping check --summary on a reviewer's folder (the seed workbook and the real workbooks)", () => {
  let folder: string;
  let out: string;
  let text: { code: number; out: string; err: string };
  let json: { files: { file: string; error: unknown; sheets: { sheet: string; forms: { form: { projectName: string; funds: { rate: { cell: string } }[]; total: { cell: string | null } } }[] }[] }[] };
  beforeAll(async () => {
    folder = await reviewerFolder();
    // the 汇总 elsewhere than the forms: its links must climb out of its folder into the forms'
    out = join(dirname(folder), "报告", "汇总 2023.xlsx");
    mkdirSync(dirname(out));
    text = await run("check", "--summary", out, folder);
    json = JSON.parse((await run("check", "--json", folder)).out);
  });

  it("writes the 汇总: one row per form of every file, the 文件 column naming it", async () => {
    expect(text.err).toBe("");
    expect(text.code).toBe(1); // the real forms have errors of their own (FIELD_MISSING…)
    const forms = json.files.flatMap((f) => f.sheets.flatMap((s) => s.forms.map((x) => ({ file: f.file, sheet: s.sheet, form: x.form }))));
    expect(forms).toHaveLength(11 + REAL_FILES.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out).buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总"]);
    const ws = wb.getWorksheet("汇总")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(["文件", "工作表", "项目名称", "总分", "评分等级", "错误", "警告", "提示", "已忽略", "评分方案"]);
    const rows = Array.from({ length: ws.rowCount - 1 }, (_x, i) => ws.getRow(i + 2)).filter((r) => r.getCell(2).value !== null);
    expect(rows).toHaveLength(forms.length);
    const listed = rows.map((r) => `${r.getCell(1).value}|${r.getCell(2).value}`).sort();
    expect(listed).toEqual(forms.map((f) => `${f.file}|${f.sheet}`).sort());
    // the seed forms with the rules.md §6 totals and grades
    for (const [i, f] of SEED_FORMS.entries()) {
      const row = rows.find((r) => r.getCell(2).value === `表${i + 1}`)!;
      expect([row.getCell(3).text, row.getCell(4).value, row.getCell(5).value, row.getCell(6).value]).toEqual([f.title, EXPECTED[i + 1].total, EXPECTED[i + 1].grade, 0]);
    }
  });

  it("every row links to its file (relative to the 汇总, read back with exceljs) and to the form's place in it", async () => {
    const bytes = new Uint8Array(readFileSync(out));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    const ws = wb.getWorksheet("汇总")!;
    const links = linksInPackage(bytes);
    const forms = json.files.flatMap((f) => f.sheets.flatMap((s) => s.forms.map((x) => ({ file: f.file, sheet: s.sheet, form: x.form }))));
    let checked = 0;
    for (let r = 2; r <= ws.rowCount; r++) {
      const cell = ws.getCell(r, 3);
      if (cell.value === null) continue;
      const file = String(ws.getCell(r, 1).value);
      // exceljs reads the link's file (the relationship's target); a relative address from the 汇总's folder
      const href = (cell.value as ExcelJS.CellHyperlinkValue).hyperlink;
      expect(href).not.toMatch(/^(\/|file:)/);
      expect(resolve(dirname(out), decodeURIComponent(href))).toBe(resolve(file));
      expect(existsSync(resolve(dirname(out), decodeURIComponent(href)))).toBe(true);
      // the place in it: the sheet and the form's first cell, as the JSON report says
      const link = links.get(`C${r}`)!;
      expect(link.target).toBe(href);
      const [sheet, a1] = place(link.location!);
      const form = forms.find((f) => f.file === file && f.sheet === sheet);
      expect(form).toBeDefined();
      expect(a1).toBe(form!.form.funds[0]?.rate.cell ?? form!.form.total.cell ?? "A1");
      const reading = await readWorkbook(new Uint8Array(readFileSync(file)));
      expect(reading.ok && reading.sheets.some((s) => s.name === sheet)).toBe(true);
      checked++;
    }
    expect(checked).toBe(11 + REAL_FILES.length);
  });

  (SKIP_LIBREOFFICE ? it.skip : it)("LibreOffice reads the links as the forms' files and places", () => {
    const dir = tempDir();
    execFileSync("soffice", [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--norestore", "--convert-to", "ods", "--outdir", dirname(out), out], { stdio: "pipe", timeout: 180_000 });
    const ods = out.replace(/\.xlsx$/, ".ods");
    const content = strFromU8(unzipSync(new Uint8Array(readFileSync(ods)))["content.xml"]);
    const hrefs = [...content.matchAll(/xlink:href="([^"]+)"/g)].map((m) => m[1].replace(/&apos;/g, "'"));
    expect(hrefs).toHaveLength(11 + REAL_FILES.length);
    for (const h of hrefs) {
      const [path, location] = h.split("#");
      // an ODF document's relative links start from the package itself, one level below its folder
      const file = resolve(dirname(ods), "x", decodeURIComponent(path));
      expect(existsSync(file)).toBe(true);
      expect(dirname(file)).toBe(folder);
      expect(location).toMatch(/^'.+'![A-Z]+\d+$/);
    }
  });

  it("the text report ends with the same table: one line per form, worst first, columns aligned for CJK width", () => {
    const lines = text.out.trimEnd().split("\n");
    const heading = lines.findIndex((l) => l.startsWith("汇总（"));
    expect(lines[heading]).toContain(`已写入 ${out}`);
    const table = lines.slice(heading + 1);
    expect(table).toHaveLength(2 + 11 + REAL_FILES.length);
    // the 总分 column ends at the same display column on every line (right-aligned under its header)
    const header = table[0];
    const totalEnd = stringWidth(header.slice(0, header.indexOf("总分") + 2));
    for (const line of table.slice(2)) {
      expect(line).toMatch(/^ {2}\S.*\s(\d+\.\d\d(?:（得分合计）)?|—) {2}(优|良|中|差|—)\s+\d+\s+\d+\s+\d+$/);
      const total = /(\d+\.\d\d(?:（得分合计）)?|—) {2}(优|良|中|差|—) /.exec(line)!;
      expect(stringWidth(line.slice(0, total.index + total[1].length))).toBe(totalEnd);
    }
    const seedLine = table.find((l) => l.includes("表1 "))!;
    expect(seedLine).toContain("购买新智能单兵设备");
    expect(stringWidth(seedLine.slice(0, seedLine.indexOf("96.37") + 5))).toBe(totalEnd);
    // worst first: the errors column never increases down the table
    const errors = table.slice(2).map((l) => Number(/(\d+)\s+\d+\s+\d+$/.exec(l)![1]));
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    expect(errors[0]).toBeGreaterThan(0);
  });

  it("leaves no temporary file beside the 汇总", () => {
    expect(readdirSync(dirname(out))).toEqual(["汇总 2023.xlsx"].concat(existsSync(out.replace(/\.xlsx$/, ".ods")) ? ["汇总 2023.ods"] : []).sort());
  });
});

describe("where the 汇总 may be written", () => {
  let folder: string;
  beforeAll(async () => {
    folder = tempDir();
    tempFile("a.xlsx", await workbookBytes([seedSheet(SEED_FORMS[0]).spec]), folder);
    tempFile("b.xlsx", await workbookBytes([seedSheet(SEED_FORMS[1]).spec]), folder);
  });

  it("not over an existing file without --force; not over an input even with --force; only as .xlsx", async () => {
    const other = join(tempDir(), "x.xlsx");
    writeFileSync(other, "mine");
    const exists = await run("check", "--summary", other, folder);
    expect([exists.code, exists.err]).toEqual([2, expect.stringContaining("输出文件已存在；如确需覆盖，请加 --force")]);
    expect(readFileSync(other, "utf8")).toBe("mine");
    const before = readFileSync(join(folder, "a.xlsx"));
    const input = await run("check", "--force", "--summary", join(folder, "a.xlsx"), folder);
    expect([input.code, input.err]).toEqual([2, expect.stringContaining("输出文件不能与输入文件相同")]);
    expect(readFileSync(join(folder, "a.xlsx")).equals(before)).toBe(true);
    const csv = await run("check", "--summary", join(tempDir(), "汇总.csv"), folder);
    expect([csv.code, csv.err]).toEqual([2, expect.stringContaining("汇总表请用 .xlsx 扩展名")]);
  });

  it("into the folder it sums up: the next run does not check it, and replaces it with --force", async () => {
    const out = join(folder, "汇总.xlsx");
    expect((await run("check", "--summary", out, folder)).code).toBe(0);
    const first = statSync(out).mtimeMs;
    const again = await run("check", "--json", "--force", "--summary", out, folder);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.out);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual([join(folder, "a.xlsx"), join(folder, "b.xlsx")]);
    expect(report.skipped).toEqual([out]);
    expect(report.summaryFile).toBe(out);
    expect(statSync(out).mtimeMs).toBeGreaterThanOrEqual(first);
    const text = await run("check", folder);
    expect(text.out).toContain(`已跳过本工具生成的汇总表（不是自评表）：${out}`);
    expect(text.out).not.toContain("文件：" + out);
  });

  it.each([
    ["a.xlsx", "a.xlsx"],
    // what would end a URI path or segment is escaped; Chinese names stay as they are
    ["sub/目录/a b#1%.xlsx", "sub/目录/a%20b%231%25.xlsx"],
  ])("relativeHref to %s", (file, href) => {
    expect(relativeHref("/data/报告", join("/data/报告", file))).toBe(href);
    expect(relativeHref("/data/报告", "/data/收到的/x.xlsx")).toBe("../收到的/x.xlsx");
  });
});

describe("ziping fix --summary-sheet", () => {
  it("adds 汇总: one row per form linked to its place; a second fix replaces it; beside a user's own 汇总, ours is 汇总(2)", async () => {
    const dir = tempDir();
    const input = tempFile("in.xlsx", await allSeedFormsBytes(), dir);
    const once = join(dir, "once.xlsx");
    const r = await run("fix", input, "--out", once, "--summary-sheet");
    expect(r.code).toBe(0);
    expect(r.out).toContain("汇总见工作表“汇总”");
    const bytes = new Uint8Array(readFileSync(once));
    const reading = await readWorkbook(bytes);
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.sheets.map((s) => [s.name, s.isSummarySheet])).toEqual([["说明", false], ...SEED_FORMS.map((f) => [`表${f.id}`, false]), ["汇总", true], ["校验结果", false]]);
    const summaryPart = reading.sheets.find((s) => s.isSummarySheet)!.part;
    const xml = strFromU8(unzipSync(bytes)[summaryPart]);
    const links = [...xml.matchAll(/<hyperlink ref="(B\d+)" location="([^"]+)"/g)].map((m) => [m[1], m[2].replace(/&apos;/g, "'")]);
    expect(links).toHaveLength(11);
    expect(xml).not.toContain("r:id=");
    expect(links.map(([, loc]) => loc).sort()).toEqual(SEED_FORMS.map((f) => `'表${f.id}'!H6`).sort());
    // check skips our 汇总 as it skips 校验结果
    const checked = JSON.parse((await run("check", "--json", once)).out);
    expect(checked.files[0].sheets.map((s: { sheet: string }) => s.sheet)).not.toContain("汇总");

    if (!SKIP_LIBREOFFICE) {
      // LibreOffice takes each link as a cell of the workbook (its own notation: #'表4'.H6)
      execFileSync("soffice", [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--norestore", "--convert-to", "ods", "--outdir", dir, once], { stdio: "pipe", timeout: 180_000 });
      const content = strFromU8(unzipSync(new Uint8Array(readFileSync(join(dir, "once.ods"))))["content.xml"]);
      const hrefs = [...content.matchAll(/xlink:href="([^"]+)"/g)].map((m) => m[1].replace(/&apos;/g, "'")).sort();
      expect(hrefs).toEqual(SEED_FORMS.map((f) => `#'表${f.id}'.H6`).sort());
    }

    const twice = join(dir, "twice.xlsx");
    expect((await run("fix", once, "--out", twice, "--summary-sheet")).code).toBe(0);
    const again = await readWorkbook(new Uint8Array(readFileSync(twice)));
    expect(again.ok && again.sheets.map((s) => s.name)).toEqual(["说明", ...SEED_FORMS.map((f) => `表${f.id}`), "汇总", "校验结果"]);

    const users = tempFile("users.xlsx", await workbookBytes([seedSheet(SEED_FORMS[0]).spec, { name: "汇总", cells: [{ row: 1, col: 1, value: "我的汇总" }], merges: [] }]), dir);
    const theirs = await run("fix", users, "--out", join(dir, "users-out.xlsx"), "--summary-sheet");
    expect(theirs.out).toContain("汇总见工作表“汇总(2)”");
    expect(theirs.out).toContain("工作表「汇总」：不是自评表");
  });
});

describe("the checks across the files of a folder", () => {
  it("a form whose 实际完成情况 is another file's 预期目标 is named with that file and sheet, in JSON and text", async () => {
    const dir = tempDir();
    tempFile("a.xlsx", await workbookBytes([seedSheet(SEED_FORMS[8]).spec]), dir);
    tempFile("b.xlsx", await workbookBytes([seedSheet(SEED_FORMS[5]).spec]), dir);
    const alone = JSON.parse((await run("check", "--json", join(dir, "b.xlsx"))).out);
    expect(alone.files[0].sheets[0].findings.map((f: { code: string }) => f.code)).not.toContain("GOAL_COPIED_FROM_OTHER_FORM");
    const r = await run("check", "--json", dir);
    const report = JSON.parse(r.out);
    const b = report.files[1].sheets[0];
    const copied = b.findings.filter((f: { code: string }) => f.code === "GOAL_COPIED_FROM_OTHER_FORM");
    expect(copied).toEqual([expect.objectContaining({ severity: "warning", cells: ["F11"], message: expect.stringContaining(`文件“${join(dir, "a.xlsx")}”的工作表“表9”`) })]);
    expect(b.forms[0].findings).toEqual(b.findings);
    expect(report.summary.warnings).toBe(alone.summary.warnings + JSON.parse((await run("check", "--json", join(dir, "a.xlsx"))).out).summary.warnings + 1);
    const text = await run("check", dir);
    expect(text.out).toContain(`[警告] F11  年度总体目标的“实际完成情况”与文件“${join(dir, "a.xlsx")}”的工作表“表9”`);
  });
});

describe("two forms stacked on one sheet", () => {
  it("both are in the text report and the 汇总 table, and the second's error counts (exit 1, summary.errors)", async () => {
    const first = seedSheet(SEED_FORMS[0]).spec;
    // the second form 30 rows lower, its 总分 typed wrong (95.98 → 90.00): TOTAL_MISMATCH on H52
    const second = withCells(seedSheet(SEED_FORMS[1], { origin: { row: 31, col: 1 } }).spec, [{ row: 52, col: 8, value: 90 }]);
    const sheet = { name: "两张表", cells: [...first.cells, ...second.cells], merges: [...first.merges, ...second.merges] };
    const file = tempFile("two.xlsx", await workbookBytes([sheet]));
    const json = await run("check", "--json", file);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out);
    expect(report.summary).toMatchObject({ forms: 2, errors: 1 });
    expect(report.files[0].sheets[0].forms[1].findings).toContainEqual(expect.objectContaining({ code: "TOTAL_MISMATCH", cells: ["H52"] }));
    const text = await run("check", file);
    expect(text.code).toBe(1);
    expect(text.out).toContain(`工作表「两张表」第 1 张：${SEED_FORMS[0].title}`);
    expect(text.out).toContain(`工作表「两张表」第 2 张：${SEED_FORMS[1].title}`);
    expect(text.out).toMatch(/\[错误\] H52 /);
    expect(text.out).toContain("共 1 个文件，2 张自评表；错误 1 项");
    const table = text.out.trimEnd().split("\n").slice(-2);
    expect(table[0]).toMatch(/^ {2}两张表（第 2 张）\s+.*\s+1\s+\d+\s+\d+$/);
    expect(table[1]).toMatch(/^ {2}两张表\s+购买新智能单兵设备\s+96\.37 {2}优\s+0\s+/);
  });
});
