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
import { isPackedForm, packedFormJson } from "../app";
import { countBySeverity, SheetReportOf } from "../engine";
import { omitted, piece, writePieces } from "./jsonOutput";
import { allFindings, FileResultOf, sheetlessFiles } from "./textReport";

export type SchemaVersion = 1 | 2;

export interface JsonReport<F> {
  readonly schemaVersion: SchemaVersion;
  readonly profileId: string;
  readonly results: readonly FileResultOf<F>[];
  readonly skipped: readonly string[];
  readonly summaryFile: string | null;
}

type Pieces = Iterable<string>;
/** How the value of one key (or of one element) is written, `indent` deep. */
type Writer = (value: unknown, indent: string) => Pieces;

/** A value stringified whole, or a packed form moved to its place. */
const whole: Writer = (value, indent) => [isPackedForm(value) ? packedFormJson(value, indent) : piece(value, indent)];

/** An object as JSON.stringify(…, null, 2) writes it, some keys' values written by their own writer. */
function* object(entries: readonly (readonly [string, unknown])[], indent: string, writers: Readonly<Record<string, Writer>> = {}): Generator<string> {
  const kept = entries.filter(([, v]) => !omitted(v));
  if (kept.length === 0) {
    yield "{}";
    return;
  }
  const inner = `${indent}  `;
  yield "{";
  for (let i = 0; i < kept.length; i++) {
    const [k, v] = kept[i];
    yield `${i === 0 ? "" : ","}\n${inner}${JSON.stringify(k)}: `;
    yield* (writers[k] ?? whole)(v, inner);
  }
  yield `\n${indent}}`;
}

/** An array as JSON.stringify(…, null, 2) writes it, each element by `each`. */
function* array(items: readonly unknown[], indent: string, each: Writer): Generator<string> {
  if (items.length === 0) {
    yield "[]";
    return;
  }
  const inner = `${indent}  `;
  yield "[";
  for (let i = 0; i < items.length; i++) {
    yield `${i === 0 ? "" : ","}\n${inner}`;
    yield* each(items[i], inner);
  }
  yield `\n${indent}]`;
}

type AnySheet = SheetReportOf<unknown>;

const formEntry: Writer = (value, indent) => object(Object.entries(value as object), indent);
const forms: Writer = (value, indent) => array(value as readonly unknown[], indent, formEntry);

/** A sheet of schemaVersion 1: as the report holds it (its first form repeated as `form` and `findings`). */
const sheetV1: Writer = (value, indent) => object(Object.entries(value as AnySheet), indent, { forms });

/** A sheet of schemaVersion 2: its forms, and the findings of no form. */
const sheetV2: Writer = (value, indent) => {
  const s = value as AnySheet;
  return object(
    [
      ["sheet", s.sheet],
      ["isForm", s.isForm],
      ["forms", s.forms],
      ["findings", s.forms.length > 0 ? [] : s.findings],
    ],
    indent,
    { forms },
  );
};

function* document<F>(report: JsonReport<F>): Generator<string> {
  const sheets = report.results.flatMap((r) => r.sheets);
  const counts = countBySeverity(allFindings(sheets));
  const sheet = report.schemaVersion === 1 ? sheetV1 : sheetV2;
  const file: Writer = (value, indent) => {
    const r = value as FileResultOf<F>;
    return object(Object.entries({ ...r, profileUsed: r.profileUsed ?? null }), indent, { sheets: (v, i) => array(v as readonly unknown[], i, sheet) });
  };
  yield* object(
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
    { files: (v, i) => array(v as readonly unknown[], i, file) },
  );
}

/**
 * Write the JSON report through `out` (cli.md), in chunks, sheet by sheet; the forms' reports may be objects or
 * packed. Ends with a newline.
 */
export function writeJsonReport<F>(out: (text: string) => void, report: JsonReport<F>): void {
  writePieces(out, document(report));
}
