/**
 * A hand-written fake of the slice of the Excel JavaScript API the add-in uses. Excel itself cannot run here, so
 * the fake is as strict as Excel's documentation; every behaviour it models cites its source beside the code and
 * has its own test in fakeExcel.test.ts:
 *
 *  - Batching: calls queue commands; `context.sync()` runs them in order and counts round trips.
 *    (learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model, "sync()")
 *  - Reading a property that was not loaded, or before its sync, throws PropertyNotLoaded
 *    (same page, "load()": "you must explicitly load the properties … and then call context.sync()";
 *    OfficeExtension.ErrorCodes.propertyNotLoaded).
 *  - A batch stops at its first failing command and keeps what ran before it; the failed sync delivers no loaded
 *    values (OfficeExtension.Error.traceMessages: "all trace messages that were executed" before the error).
 *  - Strings written to `values` / `formulas` are taken as typed (fakeTyping.ts, with its sources).
 *  - Formulas are recalculated after each write when calculation is automatic, and a load queued after the write in
 *    the same batch sees the new result; in manual mode only `Range.calculate()` does
 *    (learn.microsoft.com/office/dev/add-ins/excel/performance, "Suspend calculation temporarily": values loaded in
 *    the batch that wrote them are `[1, 2, 3]`; Application.calculationMode). fakeFormulas.ts evaluates them.
 *  - Excel on the web refuses requests and responses above 5 MB (RequestPayloadSizeLimitExceeded /
 *    ResponsePayloadSizeLimitExceeded); every platform limits a read to 5,000,000 cells, past which "the API will
 *    either return null or throw an error" (concepts/resource-limits-and-performance-optimization, "Excel add-ins";
 *    excel/performance, "Payload size limit best practices").
 *  - Range.getMergedAreasOrNullObject "will fail to return the result" above 512 merged areas (Excel.Range
 *    reference); its areas come as `areas.items` (RangeAreas.areas, ExcelApi 1.9).
 *  - Conditional formats: reading the rule of some rules users make throws (office-js#6835, #6827), deleting one
 *    can throw ItemNotFound (office-js#5222) — per rule, `unreadable` / `undeletable`.
 *  - Conditional formats have no identity of their own: `ConditionalFormat.id` is "the priority of the conditional
 *    format in the current ConditionalFormatCollection" and `ConditionalFormatCollection.add` "adds a new conditional
 *    format to the collection at the first/top priority" (Excel.ConditionalFormat / ConditionalFormatCollection
 *    reference, ExcelApi 1.6; the conditional-formatting article gets the first rule with getItemOrNullObject("0")).
 *    So `FakeSheet.rules` is in priority order, `add` inserts at position 0, an id is the rule's position when the
 *    command runs, and every add shifts every later id while every delete shifts those after it. Rules the user makes
 *    in Excel's UI go to the top too ("Manage conditional formatting rule precedence", support.microsoft.com: new rules
 *    are added at the top of the list).
 *  - A cell formatted as Text ("@") keeps what is typed as text, literally: a leading apostrophe stays part of the
 *    value, and a number entered becomes the text of that number, which SUM ignores ("Format numbers as text" and
 *    "Convert numbers stored as text to numbers", support.microsoft.com). Changing a cell's format afterwards does not
 *    convert what it holds (same articles: the number has to be entered again).
 *  - WorksheetCollection.onChanged is raised for the add-in's own writes too ("Events triggers" in
 *    learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events: Office Add-in code that changes the workbook
 *    triggers events), after the batch ran, once per command that changed cell data (values, formulas, clear of
 *    contents, hyperlink text; formats raise onFormatChanged instead). With ExcelApi 1.14 the args carry
 *    `triggerSource`: "ThisLocalAddin" for the add-in's writes, "Unknown" for the user's (Excel.EventTriggerSource);
 *    `host.triggerSource: false` is an Excel without 1.14 (no such property).
 *  - A very hidden sheet cannot be deleted: Worksheet.delete throws GeneralException until its visibility is changed
 *    (office-js#365, by design; the worksheets article's note on "Very Hidden").
 *  - A workbook whose structure is protected refuses adding, deleting and hiding sheets (Workbook.protection,
 *    ExcelApi 1.7; "Protect a workbook", support.microsoft.com) — AccessDenied.
 *  - Application.calculate(calculationType) (ExcelApi 1.1) recalculates every sheet; in manual mode nothing else does
 *    (formulas read after a user's edit are stale until then: `userEdit` does not recalculate in manual mode).
 *  - `FakeWorkbook.saveAndReopen({ keepSettings: false })` is a save and reopen on Excel on the web or Mac that loses
 *    the workbook's settings (Excel.SettingCollection / Office.Settings: office-js#360, #2940, #6091).
 *  - Writes to a protected sheet throw AccessDenied (testing/application-specific-api-error-handling).
 *  - `pageLayout.zoom` with `verticalFitToPages: 0` is undocumented (PageLayoutZoomOptions): `rejectZeroFitToPages`
 *    makes it fail, as Excel may.
 *  - Worksheet.visibility includes "VeryHidden" (Excel.SheetVisibility, ExcelApi 1.1); `worksheets.getItem(key)` takes
 *    a name or an id ("The name or ID of the worksheet", WorksheetCollection.getItem).
 *  - WorksheetCollection.onChanged (ExcelApi 1.9): a handler added is heard only after the sync that adds it, and gets
 *    WorksheetChangedEventArgs with `worksheetId` (not the name), `address`, `changeType`, `source`; removing it
 *    (EventHandlerResult.remove) takes effect at the next sync of its context. `FakeWorkbook.userEdit` is a user typing.
 *  - Range.hyperlink (ExcelApi 1.7), Range.clear(applyTo) (ExcelApi 1.1), Workbook.getSelectedRange (ExcelApi 1.1),
 *    Range.text (the displayed texts).
 * Every change is logged so tests can assert "zero writes".
 */
import { CellValue, colName, MergeArea, parseA1 } from "../../src/engine";
import { SheetSpec } from "../../src/engine/sheet/sheetSpec";
import { evaluateFormula } from "./fakeFormulas";
import { typeIn } from "./fakeTyping";

export interface FakeCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  /** Direct formatting (the user's fills, borders, fonts …) by property path. */
  style?: Record<string, unknown>;
  /** Range.hyperlink as set (ExcelApi 1.7). */
  hyperlink?: { address?: string; documentReference?: string; textToDisplay?: string };
}

/** A conditional format. It has no id: Excel's is its position in the collection (FakeSheet.rules, top first). */
export interface FakeRule {
  area: MergeArea;
  type: string;
  formula?: string;
  fill?: string;
  /** Rules the user made (not the add-in's). */
  user?: boolean;
  /** Loading this rule's properties fails the sync (office-js#6835, #6827: rules users make or duplicate). */
  unreadable?: boolean;
  /** Deleting this rule fails with ItemNotFound (office-js#5222: two rules on one cell). */
  undeletable?: boolean;
}

export interface WriteLog {
  readonly op: string;
  readonly sheet: string;
  readonly address?: string;
  readonly value?: unknown;
}

/** What kind of Excel the fake is. */
export interface HostOptions {
  /** "web": the 5 MB request and response limits of Excel on the web apply. */
  platform: "desktop" | "web";
  /** What a read of more than 5,000,000 cells does (the docs allow both). */
  overCellLimit: "throw" | "null";
  calculationMode: "Automatic" | "Manual";
  /** Refuse `pageLayout.zoom` with `verticalFitToPages: 0` (an undocumented value). */
  rejectZeroFitToPages: boolean;
  /** ExcelApi 1.14: event args carry `triggerSource` (Excel.EventTriggerSource). */
  triggerSource: boolean;
}

export const DEFAULT_HOST: HostOptions = { platform: "desktop", overCellLimit: "throw", calculationMode: "Automatic", rejectZeroFitToPages: false, triggerSource: true };

/** Excel on the web's payload limit (5 MB) and every platform's read limit (5,000,000 cells). */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const CELL_READ_LIMIT = 5_000_000;
export const MERGED_AREAS_LIMIT = 512;
const SHEET_AREA: MergeArea = { top: 1, left: 1, bottom: 1048576, right: 16384 };

let nextSheetId = 1;

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  merges: MergeArea[] = [];
  rules: FakeRule[] = [];
  protected = false;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** Sheet-scoped defined names (Worksheet.names, ExcelApi 1.4): name → reference and whether it is visible. */
  readonly names = new Map<string, { reference: string; visible: boolean }>();
  /** Worksheet.id: a GUID in Excel, stable across renames. */
  readonly id = `{00000000-0000-0000-0000-${String(nextSheetId++).padStart(12, "0")}}`;
  validations: { area: MergeArea; rule: unknown }[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  pageLayout: Record<string, unknown> = {};
  selection: string | null = null;

  constructor(public name: string) {}

  static fromSpec(spec: SheetSpec): FakeSheet {
    const s = new FakeSheet(spec.name);
    for (const c of spec.cells) {
      s.cells.set(`${c.row}:${c.col}`, {
        value: c.value,
        ...(c.formula !== undefined ? { formula: c.formula } : {}),
        ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
        ...(c.style ? { style: { ...c.style } } : {}),
      });
    }
    s.merges = spec.merges.map((m) => ({ ...m }));
    return s;
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row}:${col}`);
  }

  at(a1: string): FakeCell | undefined {
    const r = parseA1(a1);
    return this.cell(r.row, r.col);
  }

  ensure(row: number, col: number): FakeCell {
    const key = `${row}:${col}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { value: null };
      this.cells.set(key, c);
    }
    return c;
  }

  addUserRule(a1: string, formula: string, fill: string, flags: Partial<Pick<FakeRule, "unreadable" | "undeletable" | "type">> = {}): FakeRule {
    // Excel's UI puts a new rule at the top of the list
    const rule: FakeRule = { area: areaOf(a1), formula, fill, user: true, ...flags, type: flags.type ?? "Custom" };
    this.rules.unshift(rule);
    return rule;
  }

  /** Everything a user could see in the sheet, for before/after comparisons. */
  snapshot(): unknown {
    const cells = [...this.cells.entries()]
      .filter(([, c]) => !(c.value === null && c.formula === undefined && !c.numberFormat && !c.style))
      .map(([k, c]) => [k, { value: c.value ?? null, formula: c.formula, numberFormat: c.numberFormat && c.numberFormat !== "General" ? c.numberFormat : undefined, style: c.style }])
      .sort(([a], [b]) => String(a).localeCompare(String(b)));
    return JSON.parse(JSON.stringify({ cells, merges: this.merges, rules: this.rules, visibility: this.visibility }));
  }

  /**
   * The used range: every cell holding anything (formatting included), or with `valuesOnly` only cells with a value
   * or formula (Worksheet.getUsedRange(valuesOnly), ExcelApi 1.2). "If the entire worksheet is blank, this function
   * will return the top left cell" (Worksheet.getUsedRange reference).
   */
  usedArea(valuesOnly = false): MergeArea {
    return this.usedAreaOrNull(valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 };
  }

  usedAreaOrNull(valuesOnly = false): MergeArea | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [key, cell] of this.cells) {
      if (valuesOnly && (cell.value === null || cell.value === "") && cell.formula === undefined) continue;
      const [r, c] = key.split(":").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    for (const m of valuesOnly ? [] : this.merges) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  /** Recalculate formula cells (all, or those inside `area`) until nothing changes, as Excel's calculation chain. */
  recalculate(area?: MergeArea): void {
    const formulas = [...this.cells.entries()].filter(([k, c]) => {
      if (c.formula === undefined) return false;
      if (!area) return true;
      const [r, col] = k.split(":").map(Number);
      return r >= area.top && r <= area.bottom && col >= area.left && col <= area.right;
    });
    const get = (row: number, col: number) => this.cell(row, col)?.value ?? null;
    for (let pass = 0; pass < 50; pass++) {
      let changed = false;
      for (const [, c] of formulas) {
        const v = evaluateFormula(c.formula!, get);
        if (v !== c.value) {
          c.value = v;
          changed = true;
        }
      }
      if (!changed) return;
    }
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  activeIndex = 0;
  readonly settings = new Map<string, unknown>();
  host: HostOptions = { ...DEFAULT_HOST };

  constructor(...sheets: FakeSheet[]) {
    this.sheets = sheets;
  }

  get active(): FakeSheet {
    return this.sheets[this.activeIndex];
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** WorksheetCollection.getItem's key: a sheet's name (case-insensitive, as Excel's) or its id. */
  sheetByKey(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
  }

  /** Handlers of WorksheetCollection.onChanged now registered (added by a sync, removed by a sync). */
  readonly changeHandlers = new Set<(args: unknown) => Promise<unknown>>();
  /** Workbook.protection.protected: the structure is protected (no sheet added, deleted or hidden). */
  structureProtected = false;
  /** Handlers still running for events Excel raised after the add-in's batches (see `eventsSettled`). */
  private readonly running = new Set<Promise<unknown>>();

  /** Raise onChanged, as Excel does after a change: the handlers run outside any batch, one event after another. */
  raiseChanged(args: Record<string, unknown>): Promise<void> {
    const done = Promise.all([...this.changeHandlers].map((h) => h(args))).then(() => undefined);
    this.running.add(done);
    void done.finally(() => this.running.delete(done));
    return done;
  }

  /** Resolves when the handlers of every event raised so far (and those they raised) have run. */
  async eventsSettled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /**
   * Save, close and open the workbook again on a platform that loses the add-in's workbook settings
   * (office-js#360, #2940: Excel on the web; #6091: Mac) when `keepSettings` is false. Sheets and cells stay; the
   * add-in starts afresh (its event handlers are gone).
   */
  saveAndReopen(options: { readonly keepSettings: boolean }): void {
    if (!options.keepSettings) this.settings.clear();
    this.changeHandlers.clear();
  }

  /**
   * The user types into a cell (as fakeTyping) and Excel raises onChanged for it afterwards: the handlers run as
   * events do, outside any batch of the add-in. Resolves when they have run.
   */
  async userEdit(sheet: string, a1: string, text: string | number): Promise<void> {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`fake: no sheet ${sheet}`);
    const at = parseA1(a1);
    const cell = s.ensure(at.row, at.col);
    if (typeof text === "number") cell.value = text;
    else {
      const typed = typeIn(text, cell.numberFormat);
      cell.value = typed.value;
      if (typed.formula !== undefined) cell.formula = typed.formula;
    }
    if (this.host.calculationMode === "Automatic") s.recalculate();
    await this.raiseChanged(changedArgs(this, s, a1, "Unknown"));
  }

  /** Every sheet's formulas recalculated (Application.calculate, F9). */
  calculateAll(): void {
    for (const s of this.sheets) s.recalculate();
  }
}

/** WorksheetChangedEventArgs as Excel raises them; `triggerSource` only with ExcelApi 1.14. */
function changedArgs(book: FakeWorkbook, sheet: FakeSheet, address: string, source: "ThisLocalAddin" | "Unknown"): Record<string, unknown> {
  return {
    type: "WorksheetChanged",
    changeType: "RangeEdited",
    source: "Local",
    worksheetId: sheet.id,
    address,
    ...(book.host.triggerSource ? { triggerSource: source } : {}),
  };
}

/** An OfficeExtension.Error as the add-in sees it: a `code` (Excel.ErrorCodes) and a message. */
export class HostError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

function areaOf(address: string): MergeArea {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [a, b = a] = local.split(":");
  if (/^\$?[A-Z]+$/i.test(a)) {
    const c1 = parseA1(`${a.replace(/\$/g, "")}1`).col;
    const c2 = parseA1(`${b.replace(/\$/g, "")}1`).col;
    return { top: 1, left: c1, bottom: 1048576, right: c2 };
  }
  if (/^\$?\d+$/.test(a)) return { top: Number(a.replace(/\$/g, "")), left: 1, bottom: Number(b.replace(/\$/g, "")), right: 16384 };
  const p = parseA1(a.replace(/\$/g, ""));
  const q = parseA1(b.replace(/\$/g, ""));
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export const a1Of = (m: MergeArea) => (m.top === m.bottom && m.left === m.right ? `${colName(m.left)}${m.top}` : `${colName(m.left)}${m.top}:${colName(m.right)}${m.bottom}`);
const intersects = (a: MergeArea, b: MergeArea) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
const intersection = (a: MergeArea, b: MergeArea): MergeArea | null =>
  intersects(a, b) ? { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) } : null;
/** A payload's size: its JSON in UTF-8 bytes. */
const jsonBytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), "utf8");
const cellCount = (a: MergeArea) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

type Op = () => void;

/** Base of every proxy: loaded properties become readable after the sync that loaded them. */
class Proxy {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}

  protected read(name: string): unknown {
    if (!this.loaded.has(name)) throw new HostError("PropertyNotLoaded", `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loaded.get(name);
  }

  /** Queue a load whose value is computed when the batch runs and delivered only if the whole sync succeeds. */
  protected queueLoad(name: string, compute: () => unknown, bytes?: (v: unknown) => number): void {
    this.ctx.queue(() => {
      const v = compute();
      if (v === NOT_LOADED) return;
      this.ctx.deliver(() => this.loaded.set(name, v), bytes ? bytes(v) : jsonBytes(v ?? null));
    });
  }
}

const NOT_LOADED = Symbol("not loaded");

export class FakeContext {
  syncCount = 0;
  readonly log: WriteLog[] = [];
  /** Make the next sync fail before any of its commands run (e.g. InvalidOperationInCellEditMode). */
  failNextSync: { code: string; message: string } | null = null;
  /** Make the sync with this (1-based) number fail before any of its commands run. */
  failSyncNumber: { at: number; code: string; message: string } | null = null;
  /** Make every sync from this (1-based) number on fail before any of its commands run (a lasting error). */
  failFromSync: { at: number; code: string; message: string } | null = null;
  /** Make command `op` (1-based) of sync `sync` fail; the commands before it stay applied. */
  failAt: { sync: number; op: number; code: string; message: string } | null = null;
  /** How many commands each sync ran (or had queued, when it failed). */
  readonly opsPerSync: number[] = [];
  private ops: Op[] = [];
  private requestBytes = 0;
  private deliveries: { apply: () => void; bytes: number }[] = [];
  readonly workbook: WorkbookProxy;

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  get host(): HostOptions {
    return this.book.host;
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  /** Count bytes the add-in sends (values, formulas, formats it writes). */
  request(bytes: number): void {
    this.requestBytes += bytes;
  }

  deliver(apply: () => void, bytes: number): void {
    this.deliveries.push({ apply, bytes });
  }

  write(sheet: FakeSheet, entry: Omit<WriteLog, "sheet">, apply: () => void): void {
    if (sheet.protected && entry.op !== "select" && entry.op !== "activate") {
      throw new HostError("AccessDenied", "You cannot perform the requested operation.");
    }
    apply();
    this.log.push({ sheet: sheet.name, ...entry });
    // a change of cell data raises onChanged once the batch has run (formats raise onFormatChanged instead)
    const data = entry.op === "values" || entry.op === "formulas" || entry.op === "hyperlink" || (entry.op === "clear" && entry.value !== "Formats");
    if (data) this.changes.push({ sheet, address: entry.address ?? "A1" });
  }

  /** The cell-data changes of the batch now running, raised as onChanged after it (FakeWorkbook.raiseChanged). */
  private changes: { sheet: FakeSheet; address: string }[] = [];

  private raiseChanges(): void {
    const changes = this.changes;
    this.changes = [];
    if (changes.length === 0) return;
    const book = this.book;
    // after the batch, outside it, in order; a handler that is still running does not hold the add-in's sync
    void Promise.resolve().then(async () => {
      for (const c of changes) await book.raiseChanged(changedArgs(book, c.sheet, c.address, "ThisLocalAddin"));
    });
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.ops;
    const requestBytes = this.requestBytes;
    this.ops = [];
    this.requestBytes = 0;
    this.deliveries = [];
    this.opsPerSync.push(ops.length);
    await Promise.resolve();
    if (this.failNextSync) {
      const f = this.failNextSync;
      this.failNextSync = null;
      throw new HostError(f.code, f.message);
    }
    if (this.failSyncNumber?.at === this.syncCount) throw new HostError(this.failSyncNumber.code, this.failSyncNumber.message);
    if (this.failFromSync && this.syncCount >= this.failFromSync.at) throw new HostError(this.failFromSync.code, this.failFromSync.message);
    if (this.host.platform === "web" && requestBytes > PAYLOAD_LIMIT_BYTES) {
      throw new HostError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    try {
      ops.forEach((op, i) => {
        if (this.failAt && this.failAt.sync === this.syncCount && this.failAt.op === i + 1) {
          throw new HostError(this.failAt.code, this.failAt.message);
        }
        op();
      });
    } finally {
      // what ran, ran: its events come whether or not a later command failed
      this.raiseChanges();
    }
    const responseBytes = this.deliveries.reduce((s, d) => s + d.bytes, 0);
    if (this.host.platform === "web" && responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw new HostError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
    for (const d of this.deliveries) d.apply();
    this.deliveries = [];
  }

  /** Value writes (values / formulas / number formats) in the log. */
  get cellWrites(): WriteLog[] {
    return this.log.filter((l) => l.op === "values" || l.op === "formulas" || l.op === "numberFormat");
  }
}

class WorkbookProxy extends Proxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly application: ApplicationProxy;
  /** Workbook.protection (ExcelApi 1.7): `protected` says whether the workbook's structure is protected. */
  readonly protection: { load: (p: string) => void; readonly protected: boolean };
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.settings = new SettingCollectionProxy(ctx);
    this.application = new ApplicationProxy(ctx);
    let loaded: boolean | undefined;
    this.protection = {
      load: (p: string) => {
        if (p !== "protected") throw new Error(`fake: unsupported workbook protection load ${p}`);
        ctx.queue(() => {
          const v = ctx.book.structureProtected;
          ctx.deliver(() => (loaded = v), 8);
        });
      },
      get protected() {
        if (loaded === undefined) throw new HostError("PropertyNotLoaded", "The property 'protected' is not available.");
        return loaded;
      },
    };
  }
  getSelectedRange(): RangeProxy {
    return selectedRange(this.ctx);
  }
}

/** Workbook.getSelectedRange (ExcelApi 1.1): the active sheet's selection (A1 when nothing was selected). */
function selectedRange(ctx: FakeContext): RangeProxy {
  let sheet: FakeSheet | undefined;
  ctx.queue(() => {
    sheet = ctx.book.active;
  });
  return new RangeProxy(ctx, () => sheet!, () => areaOf(sheet!.selection ?? "A1"));
}

class ApplicationProxy extends Proxy {
  load(what: string): this {
    if (what !== "calculationMode") throw new Error(`fake: unsupported application load ${what}`);
    this.queueLoad("calculationMode", () => this.ctx.host.calculationMode);
    return this;
  }
  get calculationMode(): string {
    return this.read("calculationMode") as string;
  }
  /** Application.calculate(calculationType) (ExcelApi 1.1): every sheet, whatever the calculation mode. */
  calculate(type: string): void {
    this.ctx.queue(() => {
      this.ctx.book.calculateAll();
      this.ctx.log.push({ op: "calculate", sheet: "", value: type });
    });
  }
}

/** The structure of a protected workbook cannot change (Workbook.protection; "Protect a workbook"). */
function refuseIfStructureProtected(ctx: FakeContext): void {
  if (ctx.book.structureProtected) throw new HostError("AccessDenied", "You cannot perform the requested operation.");
}

class WorksheetCollectionProxy extends Proxy {
  private loadedItems: WorksheetProxy[] | null = null;

  getActiveWorksheet(): WorksheetProxy {
    let target: FakeSheet | undefined;
    this.ctx.queue(() => {
      target = this.ctx.book.active;
    });
    return new WorksheetProxy(this.ctx, () => target!);
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.book.sheetByKey(name);
      if (!s) throw new HostError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
      return s;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.book.sheetByKey(name)!, () => this.ctx.book.sheetByKey(name) !== undefined);
  }

  /** WorksheetCollection.onChanged (ExcelApi 1.9): registered at the next sync; removed at the sync after remove(). */
  get onChanged(): { add: (handler: (args: unknown) => Promise<unknown>) => { context: FakeContext; remove: () => void } } {
    const ctx = this.ctx;
    return {
      add: (handler) => {
        ctx.queue(() => {
          ctx.book.changeHandlers.add(handler);
          ctx.log.push({ op: "onChanged.add", sheet: "" });
        });
        return {
          context: ctx,
          remove: () =>
            ctx.queue(() => {
              ctx.book.changeHandlers.delete(handler);
              ctx.log.push({ op: "onChanged.remove", sheet: "" });
            }),
        };
      },
    };
  }

  add(name: string): WorksheetProxy {
    this.ctx.queue(() => {
      refuseIfStructureProtected(this.ctx);
      if (this.ctx.book.sheet(name)) throw new HostError("ItemAlreadyExists", `A sheet named ${name} exists`);
      const s = new FakeSheet(name);
      this.ctx.book.sheets.push(s);
      this.ctx.log.push({ op: "addSheet", sheet: name });
    });
    return this.getItem(name);
  }

  load(what: string): this {
    const props = what.split(",").map((p) => p.trim());
    const known = ["items/name", "items/visibility", "items/id"];
    if (!props.includes("items/name") || props.some((p) => !known.includes(p))) throw new Error(`fake: unsupported load ${what}`);
    this.ctx.queue(() => {
      const items = this.ctx.book.sheets.map((s) => {
        const p = new WorksheetProxy(this.ctx, () => this.ctx.book.sheetByKey(s.id)!);
        p.setLoaded("name", s.name);
        if (props.includes("items/visibility")) p.setLoaded("visibility", s.visibility);
        if (props.includes("items/id")) p.setLoaded("id", s.id);
        return p;
      });
      this.ctx.deliver(() => (this.loadedItems = items), jsonBytes(this.ctx.book.sheets.map((s) => [s.name, s.visibility])));
    });
    return this;
  }

  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw new HostError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.loadedItems;
  }
}

class WorksheetProxy extends Proxy {
  private nullState: boolean | undefined;
  readonly protection: { load: (p: string) => void; readonly protected: boolean };
  readonly pageLayout: Record<string, unknown>;

  constructor(
    ctx: FakeContext,
    readonly target: () => FakeSheet,
    private readonly exists?: () => boolean,
  ) {
    super(ctx);
    if (exists) {
      ctx.queue(() => {
        const e = exists();
        ctx.deliver(() => (this.nullState = !e), 8);
      });
    }
    const protectionLoaded = new Map<string, boolean>();
    this.protection = {
      load: (p: string) => {
        if (p !== "protected") throw new Error(`fake: unsupported protection load ${p}`);
        ctx.queue(() => {
          const v = this.target().protected;
          ctx.deliver(() => protectionLoaded.set("protected", v), 8);
        });
      },
      get protected() {
        if (!protectionLoaded.has("protected")) throw new HostError("PropertyNotLoaded", "The property 'protected' is not available.");
        return protectionLoaded.get("protected")!;
      },
    };
    const layout: Record<string, unknown> = {};
    for (const prop of ["paperSize", "orientation", "zoom"]) {
      Object.defineProperty(layout, prop, {
        set: (v: unknown) =>
          ctx.queue(() => {
            const zoom = v as { verticalFitToPages?: number; horizontalFitToPages?: number };
            if (prop === "zoom" && ctx.host.rejectZeroFitToPages && (zoom.verticalFitToPages === 0 || zoom.horizontalFitToPages === 0)) {
              throw new HostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
            }
            ctx.write(this.target(), { op: `pageLayout.${prop}`, value: v }, () => (this.target().pageLayout[prop] = v));
          }),
      });
    }
    this.pageLayout = layout;
  }

  setLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new HostError("PropertyNotLoaded", "The property 'isNullObject' is not available.");
    return this.nullState;
  }

  load(what: string): this {
    for (const p of what.split(",").map((x) => x.trim())) {
      if (p !== "name" && p !== "visibility" && p !== "id") throw new Error(`fake: unsupported worksheet load ${p}`);
      this.queueLoad(p, () => {
        // a null object (getItemOrNullObject of a missing sheet) loads nothing; getItem of one throws ItemNotFound
        if (this.exists && !this.exists()) return NOT_LOADED;
        return p === "name" ? this.target().name : p === "id" ? this.target().id : this.target().visibility;
      });
    }
    return this;
  }

  get name(): string {
    return this.read("name") as string;
  }

  get visibility(): string {
    return this.read("visibility") as string;
  }
  set visibility(v: string) {
    this.ctx.queue(() => {
      refuseIfStructureProtected(this.ctx);
      this.ctx.write(this.target(), { op: "visibility", value: v }, () => (this.target().visibility = v as FakeSheet["visibility"]));
    });
  }

  get id(): string {
    return this.read("id") as string;
  }

  /** Worksheet.names (ExcelApi 1.4): `add(name, reference)` makes a name scoped to this sheet; its `visible` is settable. */
  get names(): { add: (name: string, reference: string) => { visible: boolean } } {
    const ctx = this.ctx;
    return {
      add: (name, reference) => {
        ctx.queue(() =>
          ctx.write(this.target(), { op: "names.add", address: reference, value: name }, () => {
            if (this.target().names.has(name)) throw new HostError("ItemAlreadyExists", `A name ${name} exists`);
            this.target().names.set(name, { reference, visible: true });
          }),
        );
        const item = { visible: true };
        Object.defineProperty(item, "visible", {
          set: (v: boolean) => ctx.queue(() => ctx.write(this.target(), { op: "names.visible", value: v }, () => (this.target().names.get(name)!.visible = v))),
        });
        return item;
      },
    };
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    let area: MergeArea | undefined;
    this.ctx.queue(() => {
      area = this.target().usedArea(valuesOnly);
    });
    return new RangeProxy(this.ctx, this.target, () => area!);
  }

  /** getUsedRangeOrNullObject (ExcelApi 1.4): a null object when the sheet has no used cells. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    let area: MergeArea | null = null;
    this.ctx.queue(() => {
      area = this.target().usedAreaOrNull(valuesOnly);
    });
    return new RangeProxy(this.ctx, this.target, () => area, true);
  }

  /** getRange(): the whole worksheet when no address is given (Worksheet.getRange reference). */
  getRange(address?: string): RangeProxy {
    const area = address === undefined ? SHEET_AREA : areaOf(address);
    return new RangeProxy(this.ctx, this.target, () => area);
  }

  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(this.ctx, this.target, () => ({ top: row + 1, left: col + 1, bottom: row + 1, right: col + 1 }));
  }

  activate(): void {
    this.ctx.queue(() => {
      const s = this.target();
      this.ctx.book.activeIndex = this.ctx.book.sheets.indexOf(s);
      this.ctx.log.push({ op: "activate", sheet: s.name });
    });
  }

  delete(): void {
    this.ctx.queue(() => {
      const s = this.target();
      refuseIfStructureProtected(this.ctx);
      // office-js#365: "by design" — a very hidden sheet must be made hidden or visible before it can be deleted
      if (s.visibility === "VeryHidden") throw new HostError("GeneralException", "There was an internal error while processing the request.");
      const active = this.ctx.book.active;
      this.ctx.book.sheets = this.ctx.book.sheets.filter((x) => x !== s);
      this.ctx.book.activeIndex = Math.max(0, this.ctx.book.sheets.indexOf(active === s ? this.ctx.book.sheets[0] : active));
      this.ctx.log.push({ op: "deleteSheet", sheet: s.name });
    });
  }
}

type Grid2D = unknown[][];

class RangeProxy extends Proxy {
  readonly format: Record<string, unknown>;
  readonly dataValidation: Record<string, unknown>;
  private rulesProxy: ConditionalFormatCollectionProxy | null = null;
  private nullState: boolean | undefined;

  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly area: () => MergeArea | null,
    nullable = false,
  ) {
    super(ctx);
    if (nullable) {
      ctx.queue(() => {
        const isNull = this.area() === null;
        ctx.deliver(() => (this.nullState = isNull), 8);
      });
    }
    const styleSetter = (obj: Record<string, unknown>, path: string) => (prop: string) =>
      Object.defineProperty(obj, prop, {
        set: (v: unknown) => this.eachCell(`format.${path}${prop}`, v, (c) => (c.style = { ...c.style, [`${path}${prop}`]: v })),
        enumerable: true,
      });
    const font = {};
    ["bold", "size"].forEach(styleSetter(font, "font."));
    const fill = {};
    ["color"].forEach(styleSetter(fill, "fill."));
    const format: Record<string, unknown> = {
      font,
      fill,
      borders: {
        getItem: (edge: string) => {
          const b = {};
          ["style", "weight", "color"].forEach(styleSetter(b, `border.${edge}.`));
          return b;
        },
      },
    };
    ["wrapText", "horizontalAlignment", "verticalAlignment"].forEach(styleSetter(format, ""));
    Object.defineProperty(format, "columnWidth", {
      set: (v: number) =>
        ctx.queue(() =>
          ctx.write(this.sheet(), { op: "columnWidth", address: a1Of(this.must()), value: v }, () => {
            for (let c = this.must().left; c <= this.must().right; c++) this.sheet().columnWidths.set(c, v);
          }),
        ),
    });
    Object.defineProperty(format, "rowHeight", {
      set: (v: number) =>
        ctx.queue(() =>
          ctx.write(this.sheet(), { op: "rowHeight", address: a1Of(this.must()), value: v }, () => {
            for (let r = this.must().top; r <= this.must().bottom; r++) this.sheet().rowHeights.set(r, v);
          }),
        ),
    });
    this.format = format;
    const dv: Record<string, unknown> = {};
    for (const prop of ["rule", "prompt", "errorAlert"]) {
      Object.defineProperty(dv, prop, {
        set: (v: unknown) =>
          ctx.queue(() =>
            ctx.write(this.sheet(), { op: `dataValidation.${prop}`, address: a1Of(this.must()), value: v }, () => {
              if (prop === "rule") this.sheet().validations.push({ area: this.must(), rule: v });
            }),
          ),
      });
    }
    this.dataValidation = dv;
  }

  /** The area, for commands that need one: a null object has none (InvalidOperation in Excel). */
  private must(): MergeArea {
    const a = this.area();
    if (!a) throw new HostError("InvalidOperation", "The operation attempted is invalid on the object (a null object).");
    return a;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new HostError("PropertyNotLoaded", "The property 'isNullObject' is not available.");
    return this.nullState;
  }

  private eachCell(op: string, value: unknown, apply: (c: FakeCell) => void): void {
    this.ctx.queue(() => {
      const a = this.must();
      this.ctx.write(this.sheet(), { op, address: a1Of(a), value }, () => {
        for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) apply(this.sheet().ensure(r, c));
      });
    });
  }

  /** Bytes of a loaded grid as JSON, estimated from the stored cells without building it (empty: `""`). */
  private gridBytes(a: MergeArea, read: (c: FakeCell | undefined) => unknown): number {
    let filled = 0;
    let bytes = 0;
    for (const [key, c] of this.sheet().cells) {
      const [r, col] = key.split(":").map(Number);
      if (r < a.top || r > a.bottom || col < a.left || col > a.right) continue;
      filled++;
      bytes += jsonBytes(read(c) ?? "") + 1;
    }
    return bytes + (cellCount(a) - filled) * (jsonBytes(read(undefined)) + 1);
  }

  private grid(a: MergeArea, read: (c: FakeCell | undefined) => unknown): Grid2D {
    const out: Grid2D = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: unknown[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(read(this.sheet().cell(r, c)));
      out.push(row);
    }
    return out;
  }

  load(what: string | string[]): this {
    const props = Array.isArray(what) ? what : what.split(",").map((p) => p.trim());
    const readers: Record<string, (c: FakeCell | undefined) => unknown> = {
      values: (c) => c?.value ?? "",
      // the displayed text; number formats are not rendered by the fake (tests read labels, which are text)
      text: (c) => (c?.value === null || c?.value === undefined ? "" : String(c.value)),
      formulas: (c) => (c?.formula !== undefined ? `=${c.formula}` : (c?.value ?? "")),
      numberFormat: (c) => c?.numberFormat ?? "General",
    };
    for (const p of props) {
      this.queueLoad(p, () => {
        const a = this.area();
        if (!a) return NOT_LOADED; // a null object loads nothing
        const reader = readers[p] as ((c: FakeCell | undefined) => unknown) | undefined;
        if (reader) {
          if (cellCount(a) > CELL_READ_LIMIT) {
            if (this.ctx.host.overCellLimit === "null") return null;
            throw new HostError("GeneralException", "There was an internal error while processing the request.");
          }
          return { grid: true, a, reader };
        }
        switch (p) {
          case "rowIndex":
            return a.top - 1;
          case "columnIndex":
            return a.left - 1;
          case "rowCount":
            return a.bottom - a.top + 1;
          case "columnCount":
            return a.right - a.left + 1;
          case "cellCount":
            return cellCount(a);
          case "address":
            return `${this.sheet().name}!${a1Of(a)}`;
          default:
            throw new Error(`fake: unsupported range load ${p}`);
        }
      });
    }
    return this;
  }

  /** Grids are built only when the sync delivers them (after the payload check), and only once. */
  protected override queueLoad(name: string, compute: () => unknown): void {
    this.ctx.queue(() => {
      const v = compute();
      if (v === NOT_LOADED) return;
      if (v && typeof v === "object" && (v as { grid?: boolean }).grid) {
        const { a, reader } = v as { a: MergeArea; reader: (c: FakeCell | undefined) => unknown };
        const bytes = this.gridBytes(a, reader);
        this.ctx.deliver(() => this.loaded.set(name, this.grid(a, reader)), bytes);
      } else this.ctx.deliver(() => this.loaded.set(name, v), jsonBytes(v ?? null));
    });
  }

  get values(): Grid2D {
    return this.read("values") as Grid2D;
  }
  get text(): Grid2D {
    return this.read("text") as Grid2D;
  }

  /** Range.hyperlink (ExcelApi 1.7): set on every cell of the range. */
  set hyperlink(v: { address?: string; documentReference?: string; textToDisplay?: string }) {
    this.eachCell("hyperlink", v, (c) => {
      c.hyperlink = { ...v };
      if (v.textToDisplay !== undefined) c.value = v.textToDisplay;
    });
  }

  /**
   * Range.clear(applyTo) (ExcelApi 1.1): "Contents" clears values and formulas and keeps the formats, "Formats" the
   * reverse, "All" both.
   */
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.ctx.queue(() => {
      const a = this.must();
      const sheet = this.sheet();
      this.ctx.write(sheet, { op: "clear", address: a1Of(a), value: applyTo }, () => {
        for (const [key, c] of [...sheet.cells]) {
          const [r, col] = key.split(":").map(Number);
          if (r < a.top || r > a.bottom || col < a.left || col > a.right) continue;
          if (applyTo !== "Formats") {
            c.value = null;
            delete c.formula;
            delete c.hyperlink;
          }
          if (applyTo !== "Contents") {
            delete c.numberFormat;
            delete c.style;
          }
          if (c.value === null && c.formula === undefined && !c.numberFormat && !c.style) sheet.cells.delete(key);
        }
      });
    });
  }

  /** Range.getCell(row, column): a cell relative to the range's top-left (ExcelApi 1.1). */
  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(this.ctx, this.sheet, () => {
      const a = this.must();
      return { top: a.top + row, left: a.left + col, bottom: a.top + row, right: a.left + col };
    });
  }

  private sheetProxy: WorksheetProxy | null = null;
  /** Range.worksheet: the sheet the range is on (one proxy, as Office.js keeps a navigation property's object). */
  get worksheet(): WorksheetProxy {
    this.sheetProxy ??= new WorksheetProxy(this.ctx, this.sheet);
    return this.sheetProxy;
  }
  set values(v: Grid2D) {
    this.set2D("values", v, (c, x) => this.enter(c, x));
  }
  get formulas(): Grid2D {
    return this.read("formulas") as Grid2D;
  }
  set formulas(v: Grid2D) {
    this.set2D("formulas", v, (c, x) => this.enter(c, x));
  }
  get numberFormat(): Grid2D {
    return this.read("numberFormat") as Grid2D;
  }
  set numberFormat(v: Grid2D) {
    this.set2D("numberFormat", v, (c, x) => {
      c.numberFormat = x === "" ? "General" : (x as string);
    });
  }
  get rowIndex(): number {
    return this.read("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.read("columnIndex") as number;
  }
  get rowCount(): number {
    return this.read("rowCount") as number;
  }
  get columnCount(): number {
    return this.read("columnCount") as number;
  }
  get address(): string {
    return this.read("address") as string;
  }

  /** A value entered into a cell: numbers and booleans as they are, strings as typed (fakeTyping.ts). */
  private enter(c: FakeCell, x: unknown): void {
    if (typeof x !== "string") {
      delete c.formula;
      // a Text ("@") cell stores a number entered as its text, which SUM ignores ("Format numbers as text")
      c.value = c.numberFormat === "@" && (typeof x === "number" || typeof x === "boolean") ? String(x).toUpperCase() : (x as CellValue);
      return;
    }
    const typed = typeIn(x, c.numberFormat);
    if (typed.formula !== undefined) c.formula = typed.formula;
    else delete c.formula;
    c.value = typed.value;
    if (typed.numberFormat && (!c.numberFormat || c.numberFormat === "General")) c.numberFormat = typed.numberFormat;
  }

  private set2D(op: string, v: Grid2D, apply: (c: FakeCell, x: unknown) => void): void {
    this.ctx.request(jsonBytes(v));
    this.ctx.queue(() => {
      const a = this.must();
      if (v.length !== a.bottom - a.top + 1 || v.some((row) => row.length !== a.right - a.left + 1)) {
        throw new HostError("InvalidArgument", `${op}: array size does not match ${a1Of(a)}`);
      }
      const sheet = this.sheet();
      this.ctx.write(sheet, { op, address: a1Of(a), value: v.length === 1 && v[0].length === 1 ? v[0][0] : v }, () => {
        v.forEach((row, i) =>
          row.forEach((x, j) => {
            if (x === null) return; // null leaves the cell as it is (excel-add-ins-blank-null-values)
            const cell = sheet.ensure(a.top + i, a.left + j);
            apply(cell, x);
            // a formula entered is calculated at once, even in manual mode; its dependents only in automatic mode
            if (cell.formula !== undefined) sheet.recalculate({ top: a.top + i, left: a.left + j, bottom: a.top + i, right: a.left + j });
          }),
        );
        if (op !== "numberFormat" && this.ctx.host.calculationMode === "Automatic") sheet.recalculate();
      });
    });
  }

  /** Range.calculate (ExcelApi 1.6): calculates the formulas of this range, whatever the calculation mode. */
  calculate(): void {
    this.ctx.queue(() => {
      const a = this.must();
      this.sheet().recalculate(a);
      this.ctx.log.push({ op: "calculate", sheet: this.sheet().name, address: a1Of(a) });
    });
  }

  merge(_across = false): void {
    this.ctx.queue(() => this.ctx.write(this.sheet(), { op: "merge", address: a1Of(this.must()) }, () => this.sheet().merges.push({ ...this.must() })));
  }

  select(): void {
    this.ctx.queue(() => {
      this.sheet().selection = a1Of(this.must());
      this.ctx.log.push({ op: "select", sheet: this.sheet().name, address: a1Of(this.must()) });
    });
  }

  /** Range.getIntersectionOrNullObject (ExcelApi 1.4). */
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    let area: MergeArea | null = null;
    this.ctx.queue(() => {
      const mine = this.area();
      const theirs = typeof other === "string" ? areaOf(other) : other.area();
      area = mine && theirs ? intersection(mine, theirs) : null;
    });
    return new RangeProxy(this.ctx, this.sheet, () => area, true);
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, this.sheet, this.area);
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.rulesProxy ??= new ConditionalFormatCollectionProxy(this.ctx, this.sheet, () => this.must());
    return this.rulesProxy;
  }
}

/** The merged areas of a range (Range.getMergedAreasOrNullObject, ExcelApi 1.13). */
class RangeAreasProxy extends Proxy {
  private nullState: boolean | undefined;
  private merged: MergeArea[] = [];
  readonly areas: RangeCollectionProxy;

  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly area: () => MergeArea | null,
  ) {
    super(ctx);
    ctx.queue(() => {
      const a = this.area();
      this.merged = a ? this.sheet().merges.filter((m) => intersects(m, a)) : [];
      // "if the merged areas count in this range is more than 512, then this method will fail to return the result"
      if (this.merged.length > MERGED_AREAS_LIMIT) throw new HostError("GeneralException", "There was an internal error while processing the request.");
      const isNull = this.merged.length === 0;
      ctx.deliver(() => (this.nullState = isNull), 8);
    });
    this.areas = new RangeCollectionProxy(ctx, () => this.merged);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new HostError("PropertyNotLoaded", "The property 'isNullObject' is not available.");
    return this.nullState;
  }

  load(what: string): this {
    for (const p of what.split(",").map((x) => x.trim())) {
      if (p !== "address" && p !== "areaCount") throw new Error(`fake: unsupported RangeAreas load ${p}`);
      this.queueLoad(p, () => {
        if (this.merged.length === 0) return NOT_LOADED;
        if (p === "areaCount") return this.merged.length;
        const name = this.sheet().name;
        const q = /^[\w]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
        return this.merged.map((m) => `${q}!${a1Of(m)}`).join(",");
      });
    }
    return this;
  }
  get address(): string {
    return this.read("address") as string;
  }
  get areaCount(): number {
    return this.read("areaCount") as number;
  }
}

/** RangeAreas.areas: a RangeCollection whose items load rowIndex / columnIndex / rowCount / columnCount. */
class RangeCollectionProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly list: () => MergeArea[],
  ) {
    super(ctx);
  }
  load(what: string): this {
    const props = what.split(",").map((p) => p.trim().replace(/^items\//, ""));
    for (const p of props) if (!["rowIndex", "columnIndex", "rowCount", "columnCount"].includes(p)) throw new Error(`fake: unsupported areas load ${p}`);
    this.queueLoad("items", () => {
      const list = this.list();
      if (list.length === 0) return NOT_LOADED;
      return list.map((m) => {
        const all: Record<string, number> = { rowIndex: m.top - 1, columnIndex: m.left - 1, rowCount: m.bottom - m.top + 1, columnCount: m.right - m.left + 1 };
        return Object.fromEntries(props.map((p) => [p, all[p]]));
      });
    });
    return this;
  }
  get items(): Record<string, number>[] {
    return this.read("items") as Record<string, number>[];
  }
}

const CF_PATHS = ["items/id", "items/type", "items/customOrNullObject/rule/formula"];

class ConditionalFormatCollectionProxy extends Proxy {
  private loadedItems: ConditionalFormatProxy[] | null = null;
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly area: () => MergeArea,
  ) {
    super(ctx);
  }

  /** This collection's rules as they are when a command runs, in priority order (position = id). */
  private list(): FakeRule[] {
    return this.sheet().rules.filter((r) => intersects(r.area, this.area()));
  }

  /** ConditionalFormatCollection.add (ExcelApi 1.6): the new rule takes the first/top priority, position 0. */
  add(type: string): ConditionalFormatProxy {
    let rule: FakeRule | undefined;
    this.ctx.queue(() => {
      const r: FakeRule = { area: { ...this.area() }, type };
      this.ctx.write(this.sheet(), { op: "cf.add", address: a1Of(r.area), value: type }, () => this.sheet().rules.unshift(r));
      rule = r;
    });
    // the object add() returns stays bound to the rule it made, wherever later commands move it
    return new ConditionalFormatProxy(this.ctx, this.sheet, () => rule!);
  }

  /** ConditionalFormatCollection.getItem(id) (ExcelApi 1.6): the rule at that position when the command runs. */
  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.ctx, this.sheet, () => {
      const r = /^\d+$/.test(id) ? this.list()[Number(id)] : undefined;
      if (!r) throw new HostError("ItemNotFound", "The requested resource doesn't exist.");
      return r;
    });
  }

  load(what: string | string[]): this {
    const paths = (Array.isArray(what) ? what : what.split(",")).map((p) => p.trim());
    for (const p of paths) if (!CF_PATHS.includes(p)) throw new Error(`fake: unsupported cf load ${p}`);
    this.ctx.queue(() => {
      const items = this.list().map((r, position) => {
        // loading a rule's properties (beyond id and type) fails on the rules of office-js#6835 / #6827
        if (r.unreadable && paths.some((p) => p.startsWith("items/customOrNullObject"))) {
          throw new HostError("GeneralException", "There was an internal error while processing the request.");
        }
        // an item of a loaded collection is addressed by its id, that is by its position when a command runs
        const p = new ConditionalFormatProxy(this.ctx, this.sheet, () => {
          const now = this.list()[position];
          if (!now) throw new HostError("ItemNotFound", "The requested resource doesn't exist.");
          return now;
        });
        p.fill(r, position, paths);
        return p;
      });
      this.ctx.deliver(() => (this.loadedItems = items), 40 * items.length);
    });
    return this;
  }

  get items(): ConditionalFormatProxy[] {
    if (!this.loadedItems) throw new HostError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.loadedItems;
  }
}

class ConditionalFormatProxy extends Proxy {
  readonly custom: { rule: { formula: string }; format: { fill: { color: string } } };
  private ruleFormula: { isNullObject: boolean; rule: { formula: string } } | undefined;

  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly rule: () => FakeRule,
  ) {
    super(ctx);
    const set = (op: string, apply: (r: FakeRule) => void) => ctx.queue(() => ctx.write(sheet(), { op, address: a1Of(rule().area) }, () => apply(rule())));
    const ruleObj = {} as { formula: string };
    Object.defineProperty(ruleObj, "formula", { set: (v: string) => set("cf.formula", (r) => (r.formula = v)) });
    const fill = {} as { color: string };
    Object.defineProperty(fill, "color", { set: (v: string) => set("cf.fill", (r) => (r.fill = v)) });
    this.custom = { rule: ruleObj, format: { fill } };
  }

  /** Deliver loaded properties; `id` is the rule's position in the collection it was loaded from. */
  fill(r: FakeRule, position: number, paths: readonly string[]): void {
    if (paths.includes("items/id")) this.loaded.set("id", String(position));
    if (paths.includes("items/type")) this.loaded.set("type", r.type);
    if (paths.includes("items/customOrNullObject/rule/formula")) {
      this.ruleFormula = r.type === "Custom" ? { isNullObject: false, rule: { formula: r.formula ?? "" } } : { isNullObject: true, rule: { formula: "" } };
    }
  }

  /** Load this rule's own properties (paths without "items/"); a rule of office-js#6835 / #6827 fails them. */
  load(what: string): this {
    const paths = what.split(",").map((p) => `items/${p.trim()}`);
    for (const p of paths) if (!CF_PATHS.includes(p) || p === "items/id") throw new Error(`fake: unsupported cf item load ${p}`);
    this.ctx.queue(() => {
      const r = this.rule();
      if (r.unreadable && paths.some((p) => p.startsWith("items/customOrNullObject"))) {
        throw new HostError("GeneralException", "There was an internal error while processing the request.");
      }
      this.ctx.deliver(() => this.fill(r, -1, paths), 40);
    });
    return this;
  }

  get id(): string {
    return this.read("id") as string;
  }

  get type(): string {
    return this.read("type") as string;
  }
  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string } } {
    if (!this.ruleFormula) throw new HostError("PropertyNotLoaded", "The property 'customOrNullObject' is not available.");
    return this.ruleFormula;
  }

  delete(): void {
    this.ctx.queue(() => {
      const s = this.sheet();
      const r = this.rule();
      const i = s.rules.indexOf(r);
      if (i < 0 || r.undeletable) throw new HostError("ItemNotFound", "Item Not Found.");
      this.ctx.write(s, { op: "cf.delete", address: a1Of(r.area) }, () => s.rules.splice(i, 1));
    });
  }
}

class SettingCollectionProxy extends Proxy {
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.ctx, key);
  }
  /** SettingCollection.getItem (ExcelApi 1.4): ItemNotFound, when the command runs, for a key that is not there. */
  getItem(key: string): SettingProxy {
    this.ctx.queue(() => {
      if (!this.ctx.book.settings.has(key)) throw new HostError("ItemNotFound", "The requested resource doesn't exist.");
    });
    return new SettingProxy(this.ctx, key);
  }
  add(key: string, value: unknown): void {
    this.ctx.request(jsonBytes(value));
    this.ctx.queue(() => {
      this.ctx.book.settings.set(key, value);
      this.ctx.log.push({ op: "setting", sheet: "", address: key, value });
    });
  }
}

class SettingProxy extends Proxy {
  private nullState: boolean | undefined;
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx);
    ctx.queue(() => {
      const has = ctx.book.settings.has(key);
      ctx.deliver(() => (this.nullState = !has), 8);
    });
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new HostError("PropertyNotLoaded", "The property 'isNullObject' is not available.");
    return this.nullState;
  }
  load(what: string): this {
    if (what !== "value") throw new Error(`fake: unsupported setting load ${what}`);
    this.queueLoad("value", () => (this.ctx.book.settings.has(this.key) ? this.ctx.book.settings.get(this.key) : NOT_LOADED));
    return this;
  }
  get value(): unknown {
    return this.read("value");
  }
  delete(): void {
    this.ctx.queue(() => {
      this.ctx.book.settings.delete(this.key);
      this.ctx.log.push({ op: "setting.delete", sheet: "", address: this.key });
    });
  }
}

/** The fake as the type the adapters take. */
export function asContext(ctx: FakeContext): Excel.RequestContext {
  return ctx as unknown as Excel.RequestContext;
}
