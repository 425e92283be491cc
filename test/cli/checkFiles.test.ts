/**
 * A folder checked on every core (issue 12): the built `ziping check` with a pool of worker threads prints byte for
 * byte what one thread prints — the same report in the same order, the same exit status — with a large workbook
 * first (it finishes last), forms in several files, a file that cannot be read and files that are no spreadsheet.
 * And progress: drawn on a terminal only, never beside --json.
 */
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { existsSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { POOL_MIN_BYTES, poolSize } from "../../src/cli/checkFiles";
import { EMPTY_STORE, withProfile } from "../../src/app";
import { writeStore } from "../../src/adapters/xlsx/files";
import { main } from "../../src/cli/ziping";
import { changedForm } from "../fixtures/cleanForm";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { allSeedFormsBytes, tempDir, tempFile, workbookBytes } from "../fixtures/seedWorkbooks";

const BIN = join(__dirname, "..", "..", "bin", "ziping.js");

let folder: string;
beforeAll(async () => {
  folder = tempDir("ziping-pool-");
  tempFile("00-全部.xlsx", await allSeedFormsBytes(), folder);
  for (const [i, f] of SEED_FORMS.entries()) tempFile(`${String(i + 1).padStart(2, "0")}-表.xlsx`, await workbookBytes([seedSheet(f).spec]), folder);
  tempFile("12-错.xlsx", await workbookBytes([changedForm([{ row: 22, col: 8, value: 98 }])]), folder);
  // a workbook that keeps its own 评分方案 (its very hidden store sheet): a worker must read it as one thread does
  const own = await writeStore(await workbookBytes([seedSheet(SEED_FORMS[1]).spec]), withProfile(EMPTY_STORE, "mof-2020"));
  if (!own.ok) throw new Error(own.message);
  tempFile("12-附方案.xlsx", own.bytes, folder);
  writeFileSync(join(folder, "13-坏.xlsx"), "这不是表格");
  writeFileSync(join(folder, "说明.txt"), "");
});

function ziping(workers: number, ...argv: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { env: { ...process.env, ZIPING_WORKERS: String(workers) }, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("ziping check over a folder, on a pool of workers", () => {
  it("prints the one-thread report byte for byte (JSON and text), with the same exit status", () => {
    expect(existsSync(join(__dirname, "..", "..", "dist", "node", "cli", "checkWorker.js"))).toBe(true); // npm test builds first
    for (const argv of [["check", "--json", folder], ["check", folder], ["check", "--json", "--profile", "mof-2020", "--sheet", "表1", folder]]) {
      const one = ziping(1, ...argv);
      const pooled = ziping(3, ...argv);
      expect(pooled).toEqual(one);
      expect(one.code).toBe(2); // 13-坏.xlsx cannot be read; the others are still reported
    }
    const report = JSON.parse(ziping(3, "check", "--json", folder).out);
    expect(report.files.map((f: { file: string }) => f.file.slice(folder.length + 1))).toEqual([
      "00-全部.xlsx", ...SEED_FORMS.map((_f, i) => `${String(i + 1).padStart(2, "0")}-表.xlsx`), "12-错.xlsx", "12-附方案.xlsx", "13-坏.xlsx",
    ]);
    expect(report.summary).toMatchObject({ files: 15, forms: 24 });
    expect(report.files[14].error.code).toBe("FILE_UNREADABLE");
    // the workbook's own 评分方案, read in a worker
    expect(report.files[13].profileUsed).toMatchObject({ id: "mof-2020", from: "workbook" });
    expect(report.files[1].profileUsed).toMatchObject({ id: "putuo-2023", from: "default" });
    // the checks across the files of the folder, run on the fingerprints the workers sent back: 01-表's project is
    // 12-错's, with other numbers
    const duplicated = report.files[1].sheets[0].findings.filter((f: { code: string }) => f.code === "PROJECT_DUPLICATED");
    expect(duplicated).toHaveLength(1);
    expect(duplicated[0].message).toContain(`文件“${join(folder, "12-错.xlsx")}”的工作表“表1”也有一张自评表，但数字不同`);
    expect(report.skipped).toEqual([join(folder, "说明.txt")]);
  });

  it("the pool is as large as ZIPING_WORKERS says; else every core for 16 MB of files or more, one thread below", () => {
    const small = join(folder, "01-表.xlsx");
    const large = join(tempDir("ziping-large-"), "大.xlsx");
    writeFileSync(large, "");
    truncateSync(large, POOL_MIN_BYTES); // a sparse file: only its size is asked
    expect(poolSize([small], { ZIPING_WORKERS: "3" })).toBe(3);
    expect(poolSize([small, small], {})).toBe(1);
    expect(poolSize([small, large], {})).toBe(availableParallelism());
    expect(poolSize([small, large], { ZIPING_WORKERS: "1" })).toBe(1);
    expect(poolSize([large], { ZIPING_WORKERS: "0" })).toBe(availableParallelism());
    expect(poolSize([small], { ZIPING_WORKERS: "两个" })).toBe(1);
    expect(poolSize([join(folder, "没有这个文件.xlsx")], {})).toBe(1);
  });
});

describe("progress", () => {
  /** A Progress that records what it is told. */
  function recorder() {
    const told: string[] = [];
    return { told, progress: (unit: "files" | "sheets") => (told.push(`start ${unit}`), { tick: (d: number, t: number) => told.push(`${d}/${t}`), stop: () => told.push("stop") }) };
  }

  async function check(argv: string[], progress?: ReturnType<typeof recorder>["progress"]) {
    let out = "";
    const code = await main(argv, { out: (x) => (out += x), err: () => undefined, ...(progress ? { progress } : {}) });
    return { code, out };
  }

  it("is told of every file of a folder, and of every sheet of a single workbook; never beside --json; the report is the same", async () => {
    const many = tempDir("ziping-progress-");
    const bytes = await workbookBytes([seedSheet(SEED_FORMS[0]).spec]);
    for (let i = 0; i < 3; i++) tempFile(`f${i}.xlsx`, bytes, many);
    const folder = recorder();
    const withProgress = await check(["check", many], folder.progress);
    expect(folder.told).toEqual(["start files", "1/3", "2/3", "3/3", "stop"]);
    expect(await check(["check", many])).toEqual(withProgress);

    const one = recorder();
    await check(["check", tempFile("all.xlsx", await allSeedFormsBytes(), many)], one.progress);
    expect(one.told).toEqual(["start sheets", ...Array.from({ length: 12 }, (_v, i) => `${i + 1}/12`), "stop"]);

    const json = recorder();
    const quiet = await check(["check", "--json", many], json.progress);
    expect(json.told).toEqual([]);
    expect(JSON.parse(quiet.out).summary.files).toBe(4);
  });
});
