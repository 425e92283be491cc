import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeSheet, getProfile } from "../../src/engine";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { addSheetFromSpec, workbookToBytes } from "../fixtures/writeWorkbook";
import { runTemplate } from "../../src/cli/templateCommand";
import { coverSheet, SEED_FORMS, seedSheet } from "../fixtures/seedForms";

const putuo = getProfile("putuo-2023")!;

async function cli(args: string[]) {
  let out = "";
  let err = "";
  const status = await runTemplate(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { status, out, err };
}

async function sheets(path: string) {
  const reading = await readWorkbook(new Uint8Array(readFileSync(path)));
  if (!reading.ok) throw new Error(reading.message);
  return reading.grids;
}

let dir: string;
let source: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ziping-template-cli-"));
  const wb = new ExcelJS.Workbook();
  addSheetFromSpec(wb, coverSheet());
  addSheetFromSpec(wb, seedSheet(SEED_FORMS[0]).spec);
  addSheetFromSpec(wb, seedSheet(SEED_FORMS[7]).spec);
  source = join(dir, "2023.xlsx");
  writeFileSync(source, await workbookToBytes(wb));
});

describe("ziping template", () => {
  it("writes a new blank form and says so in Chinese", async () => {
    const out = join(dir, "new.xlsx");
    const r = await cli(["--out", out]);
    expect(r).toMatchObject({ status: 0, err: "" });
    expect(r.out).toContain(`已写出 ${out}：${new Date().getFullYear()} 年度新项目自评表`);
    const [grid] = await sheets(out);
    expect(grid.sheet).toBe("自评表");
    const analysis = analyzeSheet(grid, putuo);
    expect(analysis.isForm).toBe(true);
    expect(analysis.findings.filter((f) => f.code === "FIELD_MISSING")).toEqual([]);
    expect(analysis.form!.model.indicators).toHaveLength(9);
  });

  it("--profile mof-2020 writes half-up formulas", async () => {
    const out = join(dir, "mof.xlsx");
    expect((await cli(["--out", out, "--profile", "mof-2020"])).status).toBe(0);
    const [grid] = await sheets(out);
    const form = analyzeSheet(grid, putuo).form!;
    expect(form.model.funds[0].rate?.formula).toContain("ROUND(ROUND(F6*100/E6,10),2)");
  });

  it("--from without --sheet takes the first sheet that is a form, and never touches the source", async () => {
    const before = readFileSync(source);
    const mtime = statSync(source).mtimeMs;
    const out = join(dir, "next.xlsx");
    const r = await cli(["--out", out, "--from", source]);
    expect(r).toMatchObject({ status: 0, err: "" });
    expect(r.out).toContain(`：2024 年度自评表（根据 ${source} 的工作表“表1”生成；已清空`);
    expect(r.out).toContain("工作表“表1”");
    const grids = await sheets(out);
    expect(grids.map((g) => g.sheet)).toEqual(["表1"]);
    const model = analyzeSheet(grids[0], putuo).form!.model;
    expect(model.projectName?.text).toBe(SEED_FORMS[0].title);
    expect(model.year).toBe(2024);
    expect(readFileSync(source).equals(before)).toBe(true);
    expect(statSync(source).mtimeMs).toBe(mtime);
  });

  it("--from with --sheet takes that sheet", async () => {
    const out = join(dir, "next8.xlsx");
    expect((await cli(["--out", out, "--from", source, "--sheet", "表8"])).status).toBe(0);
    const model = analyzeSheet((await sheets(out))[0], putuo).form!.model;
    expect(model.projectName?.text).toBe(SEED_FORMS[7].title);
    expect(model.indicators.map((i) => i.name.text)).toEqual(SEED_FORMS[7].indicators.map((i) => i.level3));
  });

  it.each([
    ["no --out", [], "请用 --out 指定要写出的新文件"],
    ["--out without a value", ["--out"], "选项 --out 缺少取值"],
    ["an unknown option", ["--out", "x.xlsx", "--bogus"], "未知的选项 --bogus"],
    ["a positional file", ["--out", "x.xlsx", "extra.xlsx"], "template 不接受文件参数"],
    ["--sheet without --from", ["--out", "x.xlsx", "--sheet", "表1"], "--sheet 需要与 --from 一起使用"],
    ["an unknown profile", ["--out", "x.xlsx", "--profile", "beijing"], "未知的评分方案“beijing”"],
  ])("%s is a usage error (exit 2)", async (_n, args, message) => {
    const r = await cli(args as string[]);
    expect(r.status).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain("用法：ziping template --out");
    expect(r.out).toBe("");
  });

  it("refuses to write over the --from file (exit 2), leaving it as it was", async () => {
    const before = readFileSync(source);
    const r = await cli(["--out", source, "--from", source]);
    expect(r.status).toBe(2);
    expect(r.err).toContain("输出文件不能与 --from 的来源文件相同");
    const viaOtherPath = await cli(["--out", join(dir, ".", "..", dir.split("/").pop()!, "2023.xlsx"), "--from", source]);
    expect(viaOtherPath.status).toBe(2);
    expect(readFileSync(source).equals(before)).toBe(true);
  });

  it.each([
    ["a missing file", () => join(dir, "nope.xlsx"), [], "文件不存在"],
    ["a file that is no .xlsx", () => writeTo("junk.xlsx", Buffer.from("hello")), [], "不是 .xlsx 文件"],
    ["a workbook without a form", () => coverOnly(), [], "文件中没有找到自评表"],
    ["a sheet that is not there", () => source, ["--sheet", "表99"], "没有名为“表99”的工作表（现有：说明、表1、表8）"],
    ["a sheet that is no form", () => source, ["--sheet", "说明"], "工作表“说明”中没有找到自评表"],
  ])("%s: exit 2 with a Chinese reason, nothing written", async (_n, from, extra, message) => {
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}.xlsx`);
    const r = await cli(["--out", out, "--from", await from(), ...(extra as string[])]);
    expect(r.status).toBe(2);
    expect(r.err).toContain(message);
    expect(existsSync(out)).toBe(false);
  });
});

function writeTo(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function coverOnly(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addSheetFromSpec(wb, coverSheet());
  return writeTo("cover.xlsx", await workbookToBytes(wb));
}
