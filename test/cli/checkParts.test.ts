/**
 * One large workbook checked in parts, a worker thread each (issue 12, "a many-sheet workbook"): the compiled
 * checkInParts gives checkOneFile's result exactly — the checks across forms spanning the parts, the workbook's own
 * 评分方案 and 忽略 decisions — and null (so that one thread checks it) when a part cannot be done. The built
 * `ziping check` prints the same bytes with the parts as without. npm test builds first.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AS_OBJECTS, EMPTY_STORE, ReportPacking, withProfile } from "../../src/app";
import { checkFileReportPart, writeStore } from "../../src/adapters/xlsx/files";
import { ZipArchive } from "../../src/adapters/xlsx/zip/zipArchive";
import { getProfile, Profile } from "../../src/engine";
import type { CheckedFile } from "../../src/cli/checkOneFile";
import { changedForm } from "../fixtures/cleanForm";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { allSeedFormsBytes, tempFile, workbookBytes } from "../fixtures/seedWorkbooks";

const DIST = join(__dirname, "..", "..", "dist", "node", "cli");
const BIN = join(__dirname, "..", "..", "bin", "ziping.js");
// the compiled modules: the parts run the compiled worker script beside them
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkInParts } = require(join(DIST, "checkParts.js")) as {
  checkInParts: (file: string, profile: Profile, chosen: boolean, workers: number, packing: ReportPacking<unknown>) => Promise<CheckedFile | null>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkOneFile } = require(join(DIST, "checkOneFile.js")) as { checkOneFile: (file: string, profile: Profile, options: { profileChosen: boolean }) => Promise<CheckedFile | null> };

const profile = getProfile("putuo-2023")!;
const ACROSS_FORMS = ["PROJECT_DUPLICATED", "GOAL_COPIED_FROM_OTHER_FORM", "INDICATORS_COPIED_FROM_OTHER_FORM"];
/** The codes of the checks across forms a result holds. */
const across = (r: CheckedFile | null) => [...new Set(r!.sheets.flatMap((s) => s.forms.flatMap((f) => f.findings.map((x) => x.code))))].filter((c) => ACROSS_FORMS.includes(c)).sort();
let seedFile: string;
let ownProfileFile: string;
let damagedFile: string;

beforeAll(async () => {
  seedFile = tempFile("全部.xlsx", await allSeedFormsBytes());
  // its own 评分方案 in its very hidden store: every part must read it first, as one thread does
  // the first form again as the last sheet, another 执行数: PROJECT_DUPLICATED between the first part and the last
  const specs = [...SEED_FORMS.slice(0, 5).map((f) => seedSheet(f).spec), { ...changedForm([{ row: 6, col: 6, value: 80 }], {}, SEED_FORMS[0]), name: "表1又一张" }];
  const own = await writeStore(await workbookBytes(specs), withProfile(EMPTY_STORE, "mof-2020"));
  if (!own.ok) throw new Error(own.message);
  ownProfileFile = tempFile("附方案.xlsx", own.bytes);
  // the last sheet's compressed bytes overwritten: the workbook opens, the first part reads, the last part's sheet
  // does not (its CRC or its inflating fails)
  const bytes = Buffer.from(await allSeedFormsBytes());
  const last = ZipArchive.open(bytes).get("xl/worksheets/sheet12.xml")!;
  bytes.fill(0x41, last.dataOffset + 20, last.dataOffset + last.compressedSize - 20);
  damagedFile = tempFile("坏.xlsx", new Uint8Array(bytes));
});

describe("checkInParts (compiled)", () => {
  it.each([2, 3, 4])("all the seed forms in %d parts: checkOneFile's result, the checks across forms included", async (parts) => {
    const whole = await checkOneFile(seedFile, profile, { profileChosen: true });
    const inParts = await checkInParts(seedFile, profile, true, parts, AS_OBJECTS);
    expect(inParts).not.toBeNull();
    expect(JSON.stringify(inParts)).toBe(JSON.stringify(whole));
    expect(across(inParts)).toEqual(["GOAL_COPIED_FROM_OTHER_FORM", "INDICATORS_COPIED_FROM_OTHER_FORM"]);
  });

  it("a workbook with its own 评分方案: every part checks with it", async () => {
    const inParts = await checkInParts(ownProfileFile, profile, false, 3, AS_OBJECTS);
    expect(inParts?.profileUsed).toMatchObject({ id: "mof-2020", from: "workbook" });
    expect(across(inParts)).toContain("PROJECT_DUPLICATED");
    expect(JSON.stringify(inParts)).toBe(JSON.stringify(await checkOneFile(ownProfileFile, profile, { profileChosen: false })));
  });

  it("a part that cannot be read: null, and one thread gives its verdict", async () => {
    // the first part reads, the second (with 表11 and its damaged part) does not
    const bytes = new Uint8Array(readFileSync(damagedFile));
    expect(checkFileReportPart(bytes, profile, {}, 0, 2)).toMatchObject({ ok: true, part: expect.anything() });
    expect(checkFileReportPart(bytes, profile, {}, 1, 2)).toMatchObject({ ok: false, code: "FILE_UNREADABLE" });
    expect(await checkInParts(damagedFile, profile, true, 2, AS_OBJECTS)).toBeNull();
    const one = await checkOneFile(damagedFile, profile, { profileChosen: true });
    expect(one?.error).toMatchObject({ code: "FILE_UNREADABLE", message: expect.stringContaining("sheet12.xml") });
  });
});

describe("ziping check of one workbook, in parts or in one thread", () => {
  const ziping = (workers: number, ...argv: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...argv], { env: { ...process.env, ZIPING_WORKERS: String(workers) }, encoding: "utf8", maxBuffer: 1 << 26 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it.each([
    ["the JSON report", ["--json"]],
    ["the text report", []],
  ])("%s: the same bytes, the same exit status", (_what, flags) => {
    for (const file of [seedFile, ownProfileFile, damagedFile]) {
      const one = ziping(1, "check", ...flags, file);
      expect(ziping(2, "check", ...flags, file)).toEqual(one);
      expect(ziping(3, "check", ...flags, file)).toEqual(one);
    }
  });
});
