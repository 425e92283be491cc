/**
 * `ziping` on files as a hostile or careless world sends them (issue 22): one file that would take the process down
 * does not take the folder's other reports with it; a workbook without a worksheet says so; what a file names is
 * printed escaped. The built command runs where the process itself is measured (time, memory, exit status).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/ziping";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { tempDir, tempFile, workbookBytes } from "../fixtures/seedWorkbooks";
import { bigSheetPackage } from "../fixtures/files/hostile";
import { minimalWorkbook } from "../fixtures/files/ooxml";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "ziping.js");

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** The built command, with its peak memory (kB, process.resourceUsage().maxRSS) and its time. */
function runBuilt(args: readonly string[]): { status: number | null; stdout: string; stderr: string; maxRssKb: number; ms: number } {
  const wrapper = `process.on("exit", () => process.stderr.write("\\nMAXRSS " + process.resourceUsage().maxRSS + "\\n")); process.argv.splice(1, 0, ${JSON.stringify(BIN)}); require(${JSON.stringify(BIN)});`;
  const started = Date.now();
  const r = spawnSync(process.execPath, ["-e", wrapper, ...args], { encoding: "utf8", env: { ...process.env, ZIPING_WORKERS: "" } });
  const ms = Date.now() - started;
  const m = /MAXRSS (\d+)/.exec(r.stderr);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.replace(/\n?MAXRSS \d+\n/, ""), maxRssKb: m ? Number(m[1]) : Infinity, ms };
}

let form: Uint8Array;
beforeAll(async () => {
  form = await workbookBytes([seedSheet(SEED_FORMS[0]).spec]);
});

describe("a folder check survives any one file", () => {
  it("the deep-nesting file (126 MB of <a> in 129 KB) beside two good forms: both forms reported, the bad one named, exit 2, under 10 s and 1 GB", () => {
    const dir = tempDir();
    tempFile("1-好表.xlsx", form, dir);
    tempFile("2-嵌套.xlsx", bigSheetPackage(Buffer.alloc(126 * 1024 * 1024, "<a>")), dir);
    tempFile("3-好表.xlsx", form, dir);
    const r = runBuilt(["check", "--json", dir]);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { file: string; error: { code: string; message: string } | null; sheets: unknown[] }) => [f.file.slice(dir.length + 1), f.error, f.sheets.length])).toEqual([
      ["1-好表.xlsx", null, 1],
      ["2-嵌套.xlsx", { code: "FILE_UNREADABLE", message: "文件结构异常，无法读取（部件“xl/worksheets/sheet1.xml”的元素嵌套超过 256 层）" }, 0],
      ["3-好表.xlsx", null, 1],
    ]);
    expect(report.summary.forms).toBe(2);
    expect(r.status).toBe(2);
    expect(r.ms).toBeLessThan(10_000);
    expect(r.maxRssKb).toBeLessThan(1024 * 1024);
  });
});

describe("a workbook without a worksheet", () => {
  it("check: FORM_NOT_FOUND with a true message (not taken for a 汇总 of ours), the other file still checked; exit 1", async () => {
    const dir = tempDir();
    tempFile("a.xlsx", form, dir);
    tempFile("空.xlsx", minimalWorkbook([]), dir);
    const text = await run("check", dir);
    expect(text.out).toContain(`文件：${join(dir, "空.xlsx")}\n  没有找到自评表：工作簿中没有工作表，没有可校验的自评表\n`);
    expect(text.out).not.toContain("已跳过本工具生成的汇总表");
    expect(text.out).toContain("共 2 个文件，1 张自评表，1 个文件没有工作表；错误 1 项");
    expect(text.code).toBe(1);
    const json = JSON.parse((await run("check", "--json", dir)).out);
    expect(json.files[1].error).toEqual({ code: "FORM_NOT_FOUND", message: "工作簿中没有工作表，没有可校验的自评表" });
    expect(json.skipped).toEqual([]);
    expect(json.summary.errors).toBe(1);
  });

  it("fix: no copy, the reason on stderr, exit 2", async () => {
    const dir = tempDir();
    const input = tempFile("空.xlsx", minimalWorkbook([]), dir);
    const r = await run("fix", input, "--out", join(dir, "副本.xlsx"));
    expect(r.err).toBe(`${input}：工作簿中没有工作表，没有可校验的自评表，未写出副本\n`);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, "副本.xlsx"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["空.xlsx"]);
  });
});
