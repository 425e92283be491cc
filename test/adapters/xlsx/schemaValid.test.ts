/**
 * Every part the project writes or changes, validated against the ISO/IEC 29500 transitional schemas
 * (../shared/ooxml-xsd, libxml2-wasm; test/fixtures/files/schema.ts) and held to the package's own consistency
 * (verifyCopy.ts: counts, order, references) — over packages as Excel, .NET writers and exceljs write them
 * (test/fixtures/files/excelStyle.ts) and every kind of output: fix, fix --summary-sheet --overwrite-scores, a copy
 * fixed again, the store written, the keep-everything workbook, templates (blank and next year's), a folder's 汇总.
 * The checks are shown to fail on a planted wrong order and a planted wrong count, and a copy that would not pass is
 * never made.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { getProfile } from "../../../src/engine";
import { EMPTY_STORE } from "../../../src/app/workbookStore";
import { fixFile, newTemplateFile, nextYearTemplateFile, writeStore } from "../../../src/adapters/xlsx/files";
import { readWorkbook } from "../../../src/adapters/xlsx/readWorkbook";
import { WorkbookError } from "../../../src/adapters/xlsx/limits";
import { scoredCopy } from "../../../src/adapters/xlsx/write/scoredCopy";
import { packageProblems } from "../../../src/adapters/xlsx/write/verifyCopy";
import { main } from "../../../src/cli/ziping";
import { EXCEL_STYLE_VARIANTS, excelStyleWorkbook } from "../../fixtures/files/excelStyle";
import { schemaProblems } from "../../fixtures/files/schema";
import { changedParts } from "../../fixtures/files/wellFormed";
import { tempDir, tempFile } from "../../fixtures/seedWorkbooks";

jest.setTimeout(120_000);

const profile = getProfile("putuo-2023")!;
const KEEP_EVERYTHING = join(__dirname, "..", "..", "fixtures", "files", "keep-everything.xlsx");

type Parts = Record<string, Uint8Array>;

async function fixed(input: Uint8Array, options: Parameters<typeof fixFile>[2] = {}): Promise<Uint8Array> {
  const r = await fixFile(input, profile, options);
  if (!r.ok) throw new Error(r.message);
  return r.bytes;
}

/** Consistency as the writer's own last look sees it (verifyCopy.ts), for every part of `parts`: no original to excuse a problem. */
function consistencyProblems(parts: Parts, all: Parts = parts): string[] {
  const workbook = Object.keys(all).find((n) => /^xl\/workbook\.xml$/i.test(n)) ?? "xl/workbook.xml";
  return packageProblems({
    written: new Map(Object.entries(parts)),
    names: Object.keys(all),
    read: (n) => all[n] ?? Object.entries(all).find(([k]) => k.toLowerCase() === n.toLowerCase())?.[1] ?? null,
    original: () => null,
    workbook,
    styles: all["xl/styles.xml"] ? "xl/styles.xml" : null,
  });
}

/** The outputs, each as the parts it wrote or changed, and the whole package they belong to. */
const OUTPUTS: string[] = [];
for (const variant of Object.keys(EXCEL_STYLE_VARIANTS)) for (const op of ["fix", "fix --summary-sheet --overwrite-scores", "fix of that copy", "the store written"]) OUTPUTS.push(`${variant} · ${op}`);
OUTPUTS.push("keep-everything.xlsx · fix --summary-sheet", "template (blank)", "template (mof-2020)", "template --from seed form 1", "check --summary (a folder's 汇总)");

const outputs = new Map<string, { parts: Parts; all: Parts }>();
let schema: Record<string, string[]> = {};

beforeAll(async () => {
  const add = (name: string, before: Uint8Array | null, after: Uint8Array) => {
    outputs.set(name, { parts: before ? changedParts(before, after) : unzipSync(after), all: unzipSync(after) });
  };
  for (const [variant, rewrite] of Object.entries(EXCEL_STYLE_VARIANTS)) {
    const input = await excelStyleWorkbook(rewrite);
    add(`${variant} · fix`, input, await fixed(input));
    const summed = await fixed(input, { summarySheet: true, overwriteScores: true });
    add(`${variant} · fix --summary-sheet --overwrite-scores`, input, summed);
    add(`${variant} · fix of that copy`, summed, await fixed(summed, { summarySheet: true }));
    const stored = await writeStore(input, { ...EMPTY_STORE, profile: "mof-2020" });
    if (!stored.ok) throw new Error(stored.message);
    add(`${variant} · the store written`, input, stored.bytes);
  }
  const keep = new Uint8Array(readFileSync(KEEP_EVERYTHING));
  add("keep-everything.xlsx · fix --summary-sheet", keep, await fixed(keep, { summarySheet: true }));
  for (const [name, made] of [
    ["template (blank)", await newTemplateFile(profile)],
    ["template (mof-2020)", await newTemplateFile(getProfile("mof-2020")!)],
    ["template --from seed form 1", await nextYearTemplateFile(await excelStyleWorkbook(() => undefined, { complete: true }), profile)],
  ] as const) {
    if (!made.ok) throw new Error(made.message);
    add(name, null, made.bytes);
  }
  const dir = tempDir();
  tempFile("单位01.xlsx", await excelStyleWorkbook(() => undefined, { complete: true }), dir);
  tempFile("单位02.xlsx", await excelStyleWorkbook(EXCEL_STYLE_VARIANTS["all of them together (Excel 365, prefixed, no r, BOMs, d2p1:id)"]), dir);
  const out = join(tempDir(), "汇总.xlsx");
  await main(["check", "--summary", out, dir], { out: () => undefined, err: () => undefined });
  add("check --summary (a folder's 汇总)", null, new Uint8Array(readFileSync(out)));

  // every part of every output in one run of the validator (one child process: the schemas compile once)
  const all: Parts = {};
  for (const [name, { parts }] of outputs) for (const [part, bytes] of Object.entries(parts)) all[`${name} :: ${part}`] = bytes;
  schema = schemaProblems(all);
});

describe.each(OUTPUTS)("%s", (name) => {
  it("every part it wrote or changed is valid against the schemas and consistent", () => {
    const { parts, all } = outputs.get(name)!;
    const validated = Object.keys(schema).filter((k) => k.startsWith(`${name} :: `));
    // the parts the project writes are all validated (sheets, styles, workbook, relationships, content types)
    expect(validated.length).toBeGreaterThanOrEqual(name.includes("store") ? 4 : 3);
    expect(Object.fromEntries(validated.filter((k) => schema[k].length).map((k) => [k, schema[k]]))).toEqual({});
    expect(consistencyProblems(parts, all)).toEqual([]);
  });
});

describe("the checks can fail", () => {
  const sheetOf = (parts: Parts) => Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && strFromU8(parts[n]).includes("<mergeCells"))!;

  it("a planted wrong order (<mergeCells> after <pageMargins>) fails the schema and the consistency check", () => {
    const { parts, all } = outputs.get("as exceljs writes it · fix")!;
    const name = sheetOf(parts);
    const xml = strFromU8(parts[name]);
    const merges = /<mergeCells[\s\S]*?<\/mergeCells>/.exec(xml)![0];
    const planted = strToU8(xml.replace(merges, "").replace(/(<pageMargins[^>]*\/>)/, `$1${merges}`));
    const errors = schemaProblems({ [name]: planted })[name];
    expect(errors.join("\n")).toMatch(/mergeCells': This element is not expected/);
    expect(consistencyProblems({ [name]: planted }, { ...all, [name]: planted })).toContain(`${name}：<mergeCells> 的位置不符合 SpreadsheetML 的顺序（应在 <pageMargins> 之前）`);
  });

  it("a planted wrong count (cellXfs one more than it holds) fails the consistency check (the schema does not count)", () => {
    const { all } = outputs.get("as exceljs writes it · fix")!;
    const styles = strFromU8(all["xl/styles.xml"]);
    const count = Number(/<cellXfs count="(\d+)"/.exec(styles)![1]);
    const planted = strToU8(styles.replace(/<cellXfs count="\d+"/, `<cellXfs count="${count + 1}"`));
    expect(consistencyProblems({ "xl/styles.xml": planted }, { ...all, "xl/styles.xml": planted })).toEqual([`xl/styles.xml：<cellXfs> 的 count 为 ${count + 1}，实有 ${count} 项`]);
    expect(schemaProblems({ "xl/styles.xml": planted })["xl/styles.xml"]).toEqual([]);
  });

  it("a copy the writer would make wrong is never made: a sheet of ours out of order is refused with a Chinese reason", async () => {
    const input = await excelStyleWorkbook(() => undefined);
    const opened = await readWorkbook(input);
    if (!opened.ok) throw new Error(opened.message);
    const bad = new TextEncoder().encode(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><dimension ref="A1"/></worksheet>`);
    let thrown: unknown;
    try {
      scoredCopy(opened.source, opened.sheets, [], [{ name: "坏表", replaces: null, content: { xml: bad } }]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(WorkbookError);
    expect((thrown as WorkbookError).message).toBe(
      "无法写出文件：生成的部件“xl/worksheets/sheet3.xml”未通过结构检查（<dimension> 的位置不符合 SpreadsheetML 的顺序（应在 <sheetData> 之前）），未写入任何内容；这是本工具的缺陷，请把输入文件交给开发者",
    );
  });
});
