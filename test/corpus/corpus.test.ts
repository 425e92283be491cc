/**
 * The corpus of published forms (test/corpus/README.md; issues 18 and 19): every form checked as `ziping check --json`
 * checks it, one file at a time, and compared with what a careful accountant reads from it. The Done-when figures:
 * at least 30 forms from at least 15 provinces, at least 90 % read right, no error finding on any form whose arithmetic
 * is right, and every form's kind named right.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/ziping";
import { comparisonOf } from "../../scripts/corpus/compare";

const DIR = join(__dirname);
interface CorpusForm {
  readonly id: string;
  readonly province: string;
  readonly kind: string;
  readonly cut?: boolean;
  readonly expected: { readonly formKind: string; readonly errors: readonly string[] };
}
const forms: CorpusForm[] = readdirSync(join(DIR, "forms"))
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, "forms", f), "utf8")));

async function checkJson(id: string): Promise<unknown> {
  let out = "";
  await main(["check", "--json", join(DIR, "xlsx", `${id}.xlsx`)], { out: (t) => (out += t), err: () => undefined });
  return JSON.parse(out);
}

describe("the corpus of published forms", () => {
  let results: { form: CorpusForm; misses: string[]; errorCodes: string[]; kind: string }[];
  beforeAll(async () => {
    results = [];
    for (const form of forms) {
      const report = (await checkJson(form.id)) as { files: { sheets: { form: { formKind?: string } | null }[] }[] };
      const c = comparisonOf(report, form.expected);
      results.push({ form, ...c, kind: report.files[0].sheets.find((s) => s.form)?.form?.formKind ?? "none" });
    }
  });

  it("holds at least 30 forms from at least 15 provinces, of the four kinds", () => {
    expect(forms.length).toBeGreaterThanOrEqual(30);
    expect(new Set(forms.map((f) => f.province)).size).toBeGreaterThanOrEqual(15);
    expect(forms.filter((f) => f.kind === "declaration" || f.kind === "departmentDeclaration").length).toBeGreaterThanOrEqual(5);
    expect(forms.filter((f) => f.kind === "departmentSelfEvaluation").length).toBeGreaterThanOrEqual(3);
  });

  it("reads at least 90 % of them right (numbers and codes)", () => {
    const wrong = results.filter((r) => r.misses.length > 0).map((r) => `${r.form.id}: ${r.misses.join("; ")}`);
    const right = results.length - wrong.length;
    process.stdout.write(`corpus: ${right}/${results.length} read right\n${wrong.join("\n")}\n`);
    expect(right / results.length).toBeGreaterThanOrEqual(0.9);
  });

  it("raises no error on a form whose arithmetic is right", () => {
    expect(results.filter((r) => r.form.expected.errors.length === 0 && r.errorCodes.length > 0).map((r) => [r.form.id, r.errorCodes])).toEqual([]);
  });

  it("names every form's kind right (rules.md §7.1)", () => {
    expect(results.filter((r) => r.kind !== r.form.expected.formKind).map((r) => [r.form.id, r.kind, r.form.expected.formKind])).toEqual([]);
  });
});
