/**
 * The 评分方案 travels with every copy the pane scores (issue 21 item 3): a copy made in file mode under each built-in
 * 评分方案 keeps it in its store, so `ziping check` of that copy (no --profile) uses it and finds nothing the pane did
 * not — where a copy without it was checked with the default and contradicted the numbers written. A file's own
 * 评分方案 wins over the one remembered; a choice made for the file wins over both and goes into its copy.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readStore } from "../../src/app";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { writeStore } from "../../src/adapters/xlsx/files";
import { main } from "../../src/cli/ziping";
import { EMPTY_STORE, withProfile } from "../../src/app";
import { PROFILES } from "../../src/engine";
import { createFileHost } from "../../src/taskpane/fileHost";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { workbookBytes } from "../fixtures/seedWorkbooks";

jest.setTimeout(60_000);

const host = () => createFileHost({ storage: { getItem: () => null, setItem: () => undefined } });
const dir = mkdtempSync(join(tmpdir(), "ziping-profile-copy-"));

/** `ziping check --json FILE` as the command runs it (no --profile): the file's report. */
async function cliCheck(bytes: Uint8Array, name: string) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  let out = "";
  await main(["check", "--json", file], { out: (t) => (out += t), err: () => undefined });
  return JSON.parse(out).files[0];
}

const key = (sheet: string, f: { code: string; cells: readonly string[] }) => `${sheet}|${f.code}|${f.cells.join(",")}`;

let input: Uint8Array;
beforeAll(async () => {
  // seed forms 1 and 6, rates, 总分 and 评分等级 blank: the copy gets them written, and the two roundings differ
  input = await workbookBytes([0, 5].map((i) => seedSheet(SEED_FORMS[i], { sheetName: `表${i + 1}`, blank: { rates: true, total: true, grade: true } }).spec));
});

describe.each(Object.keys(PROFILES))("a copy scored in the pane under %s", (id) => {
  it("keeps it in its store; ziping checks the copy with it and finds nothing new", async () => {
    const checked = await host().checkFile({ name: "表.xlsx", bytes: input }, id, { preferStoredProfile: true });
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.profileId).toBe(id);
    const copy = await checked.scored.bytes();
    if (!copy.ok) throw new Error(copy.message);
    const book = await readWorkbook(copy.bytes);
    if (!book.ok) throw new Error(book.message);
    expect(readStore(book.grids).profile).toBe(id);

    const again = await cliCheck(copy.bytes, `${id}.xlsx`);
    expect(again.profileUsed).toMatchObject({ id, from: "workbook" });
    const before = new Set(checked.reports.flatMap((r) => r.forms.flatMap((f) => f.findings.map((x) => key(r.sheet, x)))));
    const after = again.sheets.flatMap((s: { sheet: string; forms: { findings: { code: string; cells: string[] }[] }[] }) => s.forms.flatMap((f) => f.findings.map((x) => key(s.sheet, x))));
    expect(after.filter((k: string) => !before.has(k))).toEqual([]);
    // the numbers written are the ones the command reads back
    for (const s of again.sheets) {
      const pane = checked.reports.find((r) => r.sheet === s.sheet)!;
      expect(s.forms[0].form.total.declared).toBe(pane.form!.total.computed);
      expect(s.forms[0].form.funds[0].rate.declared).toBe(pane.form!.funds[0].rate.computed);
    }
  });
});

describe("which 评分方案 the pane uses for a file", () => {
  let ownMof: Uint8Array;
  beforeAll(async () => {
    const stored = await writeStore(input, withProfile(EMPTY_STORE, "mof-2020"));
    if (!stored.ok) throw new Error(stored.message);
    ownMof = stored.bytes;
  });

  it("the file's own wins over the one remembered in the browser", async () => {
    const r = await host().checkFile({ name: "表.xlsx", bytes: ownMof }, "putuo-2023", { preferStoredProfile: true });
    expect(r).toMatchObject({ ok: true, profileId: "mof-2020", profileFrom: "workbook" });
  });

  it("one chosen for the file wins, and its copy keeps that one", async () => {
    const r = await host().checkFile({ name: "表.xlsx", bytes: ownMof }, "putuo-2023", { preferStoredProfile: false });
    if (!r.ok) throw new Error(r.message);
    expect(r).toMatchObject({ profileId: "putuo-2023", profileFrom: "given" });
    const copy = await r.scored.bytes();
    if (!copy.ok) throw new Error(copy.message);
    expect((await cliCheck(copy.bytes, "chosen.xlsx")).profileUsed).toMatchObject({ id: "putuo-2023", from: "workbook" });
  });
});
