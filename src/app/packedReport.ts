import type { FormReport, SheetReport, SheetReportOf } from "../engine";

/**
 * A form's report written out once, as the JSON report prints it (`JSON.stringify(form, null, 2)`, UTF-8), as soon as
 * its sheet is checked (issue 23). For `ziping check --json` nothing but the JSON is made of a form's report, and
 * kept as bytes it takes a third of the memory of the objects (7 KB a form instead of ~20): a workbook of 20,000 forms
 * holds 140 MB, not 500. Bytes also cross from a worker thread as one copy, not as a graph of objects to clone. The
 * findings stay objects: the checks across forms add to them, and the counts are made from them.
 */
export interface PackedForm {
  /** The form's JSON at indent 0 (`JSON.stringify(form, null, 2)`), UTF-8. */
  readonly packedJson: Uint8Array;
}

/**
 * How the reports of a check keep their forms: as objects (text report, 汇总, pane) or packed (JSON out). Named, so that
 * a worker thread can be told which to use.
 */
export interface ReportPacking<F> {
  readonly kind: "objects" | "packed";
  pack(report: SheetReport): SheetReportOf<F>;
}

/** Forms kept as FormReport objects. */
export const AS_OBJECTS: ReportPacking<FormReport> = { kind: "objects", pack: (report) => report };

// made when first used: a page that never packs a report needs neither (jsdom has none)
let coder: { readonly encoder: { encode(text: string): Uint8Array }; readonly decoder: { decode(bytes: Uint8Array): string } } | null = null;
const codec = () => (coder ??= { encoder: new TextEncoder(), decoder: new TextDecoder() });

export function packForm(form: FormReport): PackedForm {
  return { packedJson: codec().encoder.encode(JSON.stringify(form, null, 2)) };
}

/** Forms kept packed: each form's report written out once (the sheet's `form` is its first form's, the same bytes). */
export const PACKED: ReportPacking<PackedForm> = {
  kind: "packed",
  pack(report) {
    const forms = report.forms.map((f) => ({ form: packForm(f.form), findings: f.findings }));
    return { ...report, form: forms[0]?.form ?? null, forms };
  },
};

/** The packing a worker is told by its kind (a worker's data names it: the objects cannot cross). */
export function packingOf(kind: ReportPacking<unknown>["kind"]): ReportPacking<unknown> {
  return kind === "packed" ? PACKED : AS_OBJECTS;
}

export function isPackedForm(form: unknown): form is PackedForm {
  return typeof form === "object" && form !== null && (form as PackedForm).packedJson instanceof Uint8Array;
}

let last: { readonly form: PackedForm; readonly json: string } | null = null;

/**
 * A packed form's JSON as it stands `indent` deep in a document written with `JSON.stringify(…, null, 2)`: its lines
 * after the first moved right. (A JSON text holds no line break inside a string: every "\n" is between tokens.)
 */
export function packedFormJson(form: PackedForm, indent: string): string {
  // schemaVersion 1 writes a sheet's first form twice in a row (sheet.form, forms[0].form): decoded once
  if (last?.form !== form) last = { form, json: codec().decoder.decode(form.packedJson) };
  const json = last.json;
  return indent === "" ? json : json.replace(/\n/g, `\n${indent}`);
}
