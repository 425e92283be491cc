/**
 * The JSON report of `ziping check --json`, written file by file and sheet by sheet (issue 23): each sheet's report
 * is stringified as it is written, a form kept packed (its JSON made once when its sheet was checked:
 * src/app/packedReport.ts) only moved to its indentation; no object of the whole report is built and no piece is
 * longer than one sheet's.
 *
 * schemaVersion 1 (../shared/spec/cli.md; the default): byte for byte `JSON.stringify(report, null, 2) + "\n"` of the
 * report cli.md describes, where each sheet repeats its first form as `sheet.form` / `sheet.findings`.
 * schemaVersion 2 (`--schema 2`): the same without the repetition — a sheet is `{ sheet, isForm, forms, findings }`,
 * `findings` being the sheet's own findings that belong to no form (FORM_NOT_FOUND), empty on a sheet of forms. Half
 * the text for a workbook of one form a sheet.
 */
import { isPackedForm } from "../app";
import { countBySeverity, SheetReportOf } from "../engine";
import { JsonSink, omitted, piece, writeJsonTo } from "./jsonOutput";
import { allFindings, FileResultOf, sheetlessFiles } from "./textReport";

export type SchemaVersion = 1 | 2;

export interface JsonReport<F> {
  readonly schemaVersion: SchemaVersion;
  readonly profileId: string;
  readonly results: readonly FileResultOf<F>[];
  readonly skipped: readonly string[];
  readonly summaryFile: string | null;
}

/** How the value of one key (or of one element) is written, `indent` deep, into `out`. */
type Writer = (value: unknown, indent: string, out: JsonSink) => void;

/** A value stringified whole, or a packed form's bytes moved to its place. */
const whole: Writer = (value, indent, out) => {
  if (isPackedForm(value)) out.indented({ json: value.packedJson, indent: indent.length });
  else out.text(piece(value, indent));
};

let lastFindings: { readonly findings: unknown; readonly json: Uint8Array } | null = null;
let encoder: { encode(text: string): Uint8Array } | null = null;

/**
 * A form's findings, made into JSON once and moved to their place: schemaVersion 1 writes a sheet's first form's
 * findings twice in a row (sheet.findings, forms[0].findings: the same array).
 */
const findingsWriter: Writer = (value, indent, out) => {
  if (!Array.isArray(value) || value.length === 0) return whole(value, indent, out);
  if (lastFindings?.findings !== value) lastFindings = { findings: value, json: (encoder ??= new TextEncoder()).encode(JSON.stringify(value, null, 2)) };
  out.indented({ json: lastFindings.json, indent: indent.length });
};

/** `count` items between `open` and `close` as JSON.stringify(…, null, 2) lays them out, each written by `item`. */
function bracketed(open: string, close: string, count: number, indent: string, out: JsonSink, item: (i: number, inner: string) => void): void {
  if (count === 0) {
    out.text(open + close);
    return;
  }
  const inner = `${indent}  `;
  out.text(open);
  for (let i = 0; i < count; i++) {
    out.text(`${i === 0 ? "" : ","}\n${inner}`);
    item(i, inner);
  }
  out.text(`\n${indent}${close}`);
}

/** An object as JSON.stringify(…, null, 2) writes it, some keys' values written by their own writer. */
function object(entries: readonly (readonly [string, unknown])[], indent: string, out: JsonSink, writers: Readonly<Record<string, Writer>> = {}): void {
  const kept = entries.filter(([, v]) => !omitted(v));
  bracketed("{", "}", kept.length, indent, out, (i, inner) => {
    const [k, v] = kept[i];
    out.text(`${JSON.stringify(k)}: `);
    (writers[k] ?? whole)(v, inner, out);
  });
}

/** An array as JSON.stringify(…, null, 2) writes it, each element by `each`. */
function array(items: readonly unknown[], indent: string, out: JsonSink, each: Writer): void {
  bracketed("[", "]", items.length, indent, out, (i, inner) => each(items[i], inner, out));
}

type AnySheet = SheetReportOf<unknown>;

const formEntry: Writer = (value, indent, out) => object(Object.entries(value as object), indent, out, { findings: findingsWriter });
const forms: Writer = (value, indent, out) => array(value as readonly unknown[], indent, out, formEntry);

/** A sheet of schemaVersion 1: as the report holds it (its first form repeated as `form` and `findings`). */
const sheetV1: Writer = (value, indent, out) => object(Object.entries(value as AnySheet), indent, out, { forms, findings: findingsWriter });

/** A sheet of schemaVersion 2: its forms, and the findings of no form. */
const sheetV2: Writer = (value, indent, out) => {
  const s = value as AnySheet;
  object(
    [
      ["sheet", s.sheet],
      ["isForm", s.isForm],
      ["forms", s.forms],
      ["findings", s.forms.length > 0 ? [] : s.findings],
    ],
    indent,
    out,
    { forms },
  );
};

function document<F>(report: JsonReport<F>, out: JsonSink): void {
  const sheets = report.results.flatMap((r) => r.sheets);
  const counts = countBySeverity(allFindings(sheets));
  const sheet = report.schemaVersion === 1 ? sheetV1 : sheetV2;
  const file: Writer = (value, indent, o) => {
    const r = value as FileResultOf<F>;
    object(Object.entries({ ...r, profileUsed: r.profileUsed ?? null }), indent, o, { sheets: (v, i, o2) => array(v as readonly unknown[], i, o2, sheet) });
  };
  object(
    [
      ["schemaVersion", report.schemaVersion],
      ["profile", report.profileId],
      ["files", report.results],
      ["skipped", report.skipped],
      ...(report.summaryFile !== null ? [["summaryFile", report.summaryFile] as const] : []),
      [
        "summary",
        {
          files: report.results.length,
          forms: sheets.reduce((n, s) => n + (s.isForm ? s.forms.length : 0), 0),
          // a workbook without a worksheet counts as one error (FORM_NOT_FOUND), as a sheet without a form does
          errors: counts.error + sheetlessFiles(report.results),
          warnings: counts.warning,
          infos: counts.info,
        },
      ],
    ],
    "",
    out,
    { files: (v, i, o) => array(v as readonly unknown[], i, o, file) },
  );
}

/**
 * Write the JSON report through `out` (cli.md), in chunks, sheet by sheet; the forms' reports may be objects or
 * packed. Ends with a newline.
 */
export function writeJsonReport<F>(out: (text: string) => void, report: JsonReport<F>, bytes?: (chunk: Uint8Array) => void): void {
  try {
    writeJsonTo(out, (sink) => document(report, sink), bytes);
  } finally {
    lastFindings = null;
  }
}
