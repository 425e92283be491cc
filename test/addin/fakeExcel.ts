/**
 * A hand-written fake of the slice of the Excel JavaScript API the add-in uses, with Office.js's batching:
 * calls queue commands; `context.sync()` runs them in order, fills loaded properties, and counts round trips.
 * Reading a property that was not loaded (or before the sync) throws, like Office.js. Writes to a protected
 * sheet throw AccessDenied, like Excel. Every change is logged so tests can assert "zero writes".
 */
import { CellValue, colName, MergeArea, parseA1 } from "../../src/engine";
import { SheetSpec } from "../../src/engine/sheet/sheetSpec";

export interface FakeCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  /** Direct formatting (the user's fills, borders, fonts …) by property path. */
  style?: Record<string, unknown>;
}

export interface FakeRule {
  id: number;
  area: MergeArea;
  type: string;
  formula?: string;
  fill?: string;
  /** Rules the user made (not the add-in's). */
  user?: boolean;
}

export interface WriteLog {
  readonly op: string;
  readonly sheet: string;
  readonly address?: string;
  readonly value?: unknown;
}

let nextRuleId = 1;

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  merges: MergeArea[] = [];
  rules: FakeRule[] = [];
  protected = false;
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

  addUserRule(a1: string, formula: string, fill: string): void {
    this.rules.push({ id: nextRuleId++, area: areaOf(a1), type: "Custom", formula, fill, user: true });
  }

  /** Everything a user could see in the sheet, for before/after comparisons. */
  snapshot(): unknown {
    const cells = [...this.cells.entries()]
      .filter(([, c]) => !(c.value === null && c.formula === undefined && !c.numberFormat && !c.style))
      .map(([k, c]) => [k, { value: c.value ?? null, formula: c.formula, numberFormat: c.numberFormat && c.numberFormat !== "General" ? c.numberFormat : undefined, style: c.style }])
      .sort(([a], [b]) => String(a).localeCompare(String(b)));
    return JSON.parse(JSON.stringify({ cells, merges: this.merges, rules: this.rules.map(({ id: _id, ...r }) => r) }));
  }

  /**
   * The used range: every cell holding anything (formatting included), or with `valuesOnly` only cells with a value
   * or formula (Worksheet.getUsedRange(valuesOnly), ExcelApi 1.2). Null when there is none (valuesOnly).
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
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  activeIndex = 0;
  readonly settings = new Map<string, unknown>();

  constructor(...sheets: FakeSheet[]) {
    this.sheets = sheets;
  }

  get active(): FakeSheet {
    return this.sheets[this.activeIndex];
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
}

class HostError extends Error {
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
  if (/^[A-Z]+$/i.test(a)) {
    const c1 = parseA1(`${a}1`).col;
    const c2 = parseA1(`${b}1`).col;
    return { top: 1, left: c1, bottom: 1048576, right: c2 };
  }
  if (/^\d+$/.test(a)) return { top: Number(a), left: 1, bottom: Number(b), right: 16384 };
  const p = parseA1(a);
  const q = parseA1(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

const a1Of = (m: MergeArea) => (m.top === m.bottom && m.left === m.right ? `${colName(m.left)}${m.top}` : `${colName(m.left)}${m.top}:${colName(m.right)}${m.bottom}`);
const intersects = (a: MergeArea, b: MergeArea) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

type Op = () => void;

/** Base of every proxy: loaded properties become readable after the sync that loaded them. */
class Proxy {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}

  protected read(name: string): unknown {
    if (!this.loaded.has(name)) throw new Error(`PropertyNotLoaded: "${name}" was not loaded and synced before it was read`);
    return this.loaded.get(name);
  }
}

class NullableProxy extends Proxy {
  private nullState: boolean | undefined;
  constructor(
    ctx: FakeContext,
    private readonly exists: () => boolean,
  ) {
    super(ctx);
    ctx.queue(() => {
      this.nullState = !this.exists();
    });
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new Error("PropertyNotLoaded: isNullObject before sync");
    return this.nullState;
  }
}

export class FakeContext {
  syncCount = 0;
  readonly log: WriteLog[] = [];
  /** Make the next sync fail with this Office.js error code, applying nothing (e.g. InvalidOperationInCellEditMode). */
  failNextSync: { code: string; message: string } | null = null;
  /** Make the sync with this (1-based) number fail with an Office.js error code, applying nothing. */
  failSyncNumber: { at: number; code: string; message: string } | null = null;
  private ops: Op[] = [];
  readonly workbook: WorkbookProxy;

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  write(sheet: FakeSheet, entry: Omit<WriteLog, "sheet">, apply: () => void): void {
    if (sheet.protected && entry.op !== "select" && entry.op !== "activate") {
      throw new HostError("AccessDenied", "You cannot perform the requested operation.");
    }
    apply();
    this.log.push({ sheet: sheet.name, ...entry });
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.ops;
    this.ops = [];
    if (this.failNextSync) {
      const f = this.failNextSync;
      this.failNextSync = null;
      throw new HostError(f.code, f.message);
    }
    if (this.failSyncNumber?.at === this.syncCount) throw new HostError(this.failSyncNumber.code, this.failSyncNumber.message);
    for (const op of ops) op();
  }

  /** Value writes (values / formulas / number formats) in the log. */
  get cellWrites(): WriteLog[] {
    return this.log.filter((l) => l.op === "values" || l.op === "formulas" || l.op === "numberFormat");
  }
}

class WorkbookProxy extends Proxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.settings = new SettingCollectionProxy(ctx);
  }
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
      const s = this.ctx.book.sheet(name);
      if (!s) throw new HostError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
      return s;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.book.sheet(name)!, () => this.ctx.book.sheet(name) !== undefined);
  }

  add(name: string): WorksheetProxy {
    this.ctx.queue(() => {
      if (this.ctx.book.sheet(name)) throw new HostError("ItemAlreadyExists", `A sheet named ${name} exists`);
      const s = new FakeSheet(name);
      this.ctx.book.sheets.push(s);
      this.ctx.log.push({ op: "addSheet", sheet: name });
    });
    return this.getItem(name);
  }

  load(what: string): this {
    if (what !== "items/name") throw new Error(`fake: unsupported load ${what}`);
    this.ctx.queue(() => {
      this.loadedItems = this.ctx.book.sheets.map((s) => {
        const p = new WorksheetProxy(this.ctx, () => this.ctx.book.sheet(s.name)!);
        p.setLoaded("name", s.name);
        return p;
      });
    });
    return this;
  }

  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw new Error("PropertyNotLoaded: items");
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
    exists?: () => boolean,
  ) {
    super(ctx);
    if (exists) {
      ctx.queue(() => {
        this.nullState = !exists();
      });
    }
    const protectionLoaded = new Map<string, boolean>();
    this.protection = {
      load: (p: string) => {
        if (p !== "protected") throw new Error(`fake: unsupported protection load ${p}`);
        ctx.queue(() => protectionLoaded.set("protected", this.target().protected));
      },
      get protected() {
        if (!protectionLoaded.has("protected")) throw new Error("PropertyNotLoaded: protection.protected");
        return protectionLoaded.get("protected")!;
      },
    };
    const layout: Record<string, unknown> = {};
    for (const prop of ["paperSize", "orientation", "zoom"]) {
      Object.defineProperty(layout, prop, {
        set: (v: unknown) => ctx.queue(() => ctx.write(this.target(), { op: `pageLayout.${prop}`, value: v }, () => (this.target().pageLayout[prop] = v))),
      });
    }
    this.pageLayout = layout;
  }

  setLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new Error("PropertyNotLoaded: isNullObject");
    return this.nullState;
  }

  load(what: string): this {
    for (const p of what.split(",").map((x) => x.trim())) {
      if (p !== "name") throw new Error(`fake: unsupported worksheet load ${p}`);
      this.ctx.queue(() => {
        if (this.nullState) return;
        this.loaded.set("name", this.target().name);
      });
    }
    return this;
  }

  get name(): string {
    return this.read("name") as string;
  }

  getUsedRange(): RangeProxy {
    let area: MergeArea | undefined;
    this.ctx.queue(() => {
      area = this.target().usedArea();
    });
    return new RangeProxy(this.ctx, this.target, () => area!);
  }

  /** getUsedRangeOrNullObject (ExcelApi 1.4): a null object when the sheet has no used cells. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy & { readonly isNullObject: boolean } {
    let area: MergeArea | null = null;
    this.ctx.queue(() => {
      area = this.target().usedAreaOrNull(valuesOnly);
    });
    const range = new RangeProxy(this.ctx, this.target, () => area!);
    let nullState: boolean | undefined;
    this.ctx.queue(() => {
      nullState = area === null;
    });
    return Object.defineProperty(range, "isNullObject", {
      get: () => {
        if (nullState === undefined) throw new Error("PropertyNotLoaded: isNullObject before sync");
        return nullState;
      },
    }) as RangeProxy & { readonly isNullObject: boolean };
  }

  getRange(address: string): RangeProxy {
    const area = areaOf(address);
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
}

type Grid2D = unknown[][];

class RangeProxy extends Proxy {
  readonly format: Record<string, unknown>;
  readonly dataValidation: Record<string, unknown>;
  private rulesProxy: ConditionalFormatCollectionProxy | null = null;

  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly area: () => MergeArea,
  ) {
    super(ctx);
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
      set: (v: number) => ctx.queue(() => ctx.write(this.sheet(), { op: "columnWidth", address: a1Of(this.area()), value: v }, () => {
        for (let c = this.area().left; c <= this.area().right; c++) this.sheet().columnWidths.set(c, v);
      })),
    });
    Object.defineProperty(format, "rowHeight", {
      set: (v: number) => ctx.queue(() => ctx.write(this.sheet(), { op: "rowHeight", address: a1Of(this.area()), value: v }, () => {
        for (let r = this.area().top; r <= this.area().bottom; r++) this.sheet().rowHeights.set(r, v);
      })),
    });
    this.format = format;
    const dv: Record<string, unknown> = {};
    for (const prop of ["rule", "prompt", "errorAlert"]) {
      Object.defineProperty(dv, prop, {
        set: (v: unknown) => ctx.queue(() => ctx.write(this.sheet(), { op: `dataValidation.${prop}`, address: a1Of(this.area()), value: v }, () => {
          if (prop === "rule") this.sheet().validations.push({ area: this.area(), rule: v });
        })),
      });
    }
    this.dataValidation = dv;
  }

  private eachCell(op: string, value: unknown, apply: (c: FakeCell) => void): void {
    this.ctx.queue(() => {
      const a = this.area();
      this.ctx.write(this.sheet(), { op, address: a1Of(a), value }, () => {
        for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) apply(this.sheet().ensure(r, c));
      });
    });
  }

  private grid(read: (c: FakeCell | undefined) => unknown): Grid2D {
    const a = this.area();
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
    this.ctx.queue(() => {
      const a = this.area();
      if (!a) return; // a null object (getUsedRangeOrNullObject on an empty sheet) loads nothing
      for (const p of props) {
        switch (p) {
          case "values":
            this.loaded.set(p, this.grid((c) => c?.value ?? ""));
            break;
          case "formulas":
            this.loaded.set(p, this.grid((c) => (c?.formula !== undefined ? `=${c.formula}` : (c?.value ?? ""))));
            break;
          case "numberFormat":
            this.loaded.set(p, this.grid((c) => c?.numberFormat ?? "General"));
            break;
          case "rowIndex":
            this.loaded.set(p, a.top - 1);
            break;
          case "columnIndex":
            this.loaded.set(p, a.left - 1);
            break;
          case "address":
            this.loaded.set(p, `${this.sheet().name}!${a1Of(a)}`);
            break;
          default:
            throw new Error(`fake: unsupported range load ${p}`);
        }
      }
    });
    return this;
  }

  get values(): Grid2D {
    return this.read("values") as Grid2D;
  }
  set values(v: Grid2D) {
    this.set2D("values", v, (c, x) => {
      delete c.formula;
      c.value = x === "" ? null : (x as CellValue);
    });
  }
  get formulas(): Grid2D {
    return this.read("formulas") as Grid2D;
  }
  set formulas(v: Grid2D) {
    this.set2D("formulas", v, (c, x) => {
      if (typeof x === "string" && x.startsWith("=")) {
        c.formula = x.slice(1);
        c.value = null;
      } else {
        delete c.formula;
        c.value = x === "" ? null : typeof x === "string" && x.startsWith("'") ? x.slice(1) : (x as CellValue);
      }
    });
  }
  get numberFormat(): Grid2D {
    return this.read("numberFormat") as Grid2D;
  }
  set numberFormat(v: Grid2D) {
    this.set2D("numberFormat", v, (c, x) => {
      c.numberFormat = x as string;
    });
  }
  get rowIndex(): number {
    return this.read("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.read("columnIndex") as number;
  }
  get address(): string {
    return this.read("address") as string;
  }

  private set2D(op: string, v: Grid2D, apply: (c: FakeCell, x: unknown) => void): void {
    this.ctx.queue(() => {
      const a = this.area();
      if (v.length !== a.bottom - a.top + 1 || v.some((row) => row.length !== a.right - a.left + 1)) {
        throw new HostError("InvalidArgument", `${op}: array size does not match ${a1Of(a)}`);
      }
      this.ctx.write(this.sheet(), { op, address: a1Of(a), value: v.length === 1 && v[0].length === 1 ? v[0][0] : v }, () => {
        v.forEach((row, i) =>
          row.forEach((x, j) => {
            if (x === null) return; // null leaves the cell as it is
            apply(this.sheet().ensure(a.top + i, a.left + j), x);
          }),
        );
      });
    });
  }

  merge(_across = false): void {
    this.ctx.queue(() => this.ctx.write(this.sheet(), { op: "merge", address: a1Of(this.area()) }, () => this.sheet().merges.push({ ...this.area() })));
  }

  select(): void {
    this.ctx.queue(() => {
      this.sheet().selection = a1Of(this.area());
      this.ctx.log.push({ op: "select", sheet: this.sheet().name, address: a1Of(this.area()) });
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, this.sheet, this.area);
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.rulesProxy ??= new ConditionalFormatCollectionProxy(this.ctx, this.sheet, this.area);
    return this.rulesProxy;
  }
}

class RangeAreasProxy extends NullableProxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly area: () => MergeArea,
  ) {
    super(ctx, () => sheet().merges.some((m) => intersects(m, area())));
  }
  load(what: string): this {
    if (what !== "address") throw new Error(`fake: unsupported RangeAreas load ${what}`);
    this.ctx.queue(() => {
      const name = this.sheet().name;
      const q = /^[\w]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
      this.loaded.set("address", this.sheet().merges.filter((m) => intersects(m, this.area())).map((m) => `${q}!${a1Of(m)}`).join(", "));
    });
    return this;
  }
  get address(): string {
    return this.read("address") as string;
  }
}

class ConditionalFormatCollectionProxy extends Proxy {
  private loadedItems: ConditionalFormatProxy[] | null = null;
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly area: () => MergeArea,
  ) {
    super(ctx);
  }

  add(type: string): ConditionalFormatProxy {
    let rule: FakeRule | undefined;
    this.ctx.queue(() => {
      const r: FakeRule = { id: nextRuleId++, area: { ...this.area() }, type };
      this.ctx.write(this.sheet(), { op: "cf.add", address: a1Of(r.area), value: type }, () => this.sheet().rules.push(r));
      rule = r;
    });
    return new ConditionalFormatProxy(this.ctx, this.sheet, () => rule!);
  }

  load(what: string): this {
    if (what !== "items/type,items/customOrNullObject/rule/formula") throw new Error(`fake: unsupported cf load ${what}`);
    this.ctx.queue(() => {
      this.loadedItems = this.sheet()
        .rules.filter((r) => intersects(r.area, this.area()))
        .map((r) => {
          const p = new ConditionalFormatProxy(this.ctx, this.sheet, () => r);
          p.fill(r);
          return p;
        });
    });
    return this;
  }

  get items(): ConditionalFormatProxy[] {
    if (!this.loadedItems) throw new Error("PropertyNotLoaded: conditionalFormats.items");
    return this.loadedItems;
  }
}

class ConditionalFormatProxy extends Proxy {
  readonly custom: { rule: { formula: string }; format: { fill: { color: string } } };
  customOrNullObject: { isNullObject: boolean; rule: { formula: string } } | undefined;
  type: string | undefined;

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

  fill(r: FakeRule): void {
    this.type = r.type;
    this.customOrNullObject = r.type === "Custom" ? { isNullObject: false, rule: { formula: r.formula ?? "" } } : { isNullObject: true, rule: { formula: "" } };
  }

  delete(): void {
    this.ctx.queue(() => {
      const s = this.sheet();
      const r = this.rule();
      const i = s.rules.indexOf(r);
      if (i < 0) throw new HostError("ItemNotFound", "conditional format already deleted");
      this.ctx.write(s, { op: "cf.delete", address: a1Of(r.area) }, () => s.rules.splice(i, 1));
    });
  }
}

class SettingCollectionProxy extends Proxy {
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.ctx, key);
  }
  add(key: string, value: unknown): void {
    this.ctx.queue(() => {
      this.ctx.book.settings.set(key, value);
      this.ctx.log.push({ op: "setting", sheet: "", address: key, value });
    });
  }
}

class SettingProxy extends NullableProxy {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx, () => ctx.book.settings.has(key));
  }
  load(what: string): this {
    if (what !== "value") throw new Error(`fake: unsupported setting load ${what}`);
    this.ctx.queue(() => {
      if (this.ctx.book.settings.has(this.key)) this.loaded.set("value", this.ctx.book.settings.get(this.key));
    });
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
