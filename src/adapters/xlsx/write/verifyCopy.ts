import { SaxesParser } from "saxes";
import { unreadable } from "../limits";
import { relsPartOf, resolvePartName } from "../read/package";
import { sniffEncoding } from "../read/encoding";

/**
 * The last look at a package before it is written (issue 22): every part the project wrote or changed is held to what
 * Excel holds a package to and LibreOffice forgives — namespace-well-formed XML, SpreadsheetML's element order
 * (ECMA-376 part 1, CT_Worksheet, CT_Stylesheet, CT_Workbook), rows and cells in order, counts that match, style and
 * sheet references that resolve, relationships and content types listed once. A part that fails is never written: the
 * user gets a Chinese message and no file. The schemas themselves (../shared/ooxml-xsd) are applied by the tests
 * (test/adapters/xlsx/schemaValid.test.ts); this is the part of them that matters for Excel, at run time, in the
 * browser too.
 *
 * A problem the input's own part already had (a count an earlier writer got wrong) is not held against the copy: only
 * what the writer introduced refuses it.
 */

const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";

/** A root element's children in schema order; the ones that may repeat. */
interface Sequence {
  readonly order: readonly string[];
  readonly repeats: ReadonlySet<string>;
  readonly required: readonly string[];
}

const SEQUENCES: Readonly<Record<string, Sequence>> = {
  worksheet: {
    order: [
      "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
      "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
      "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
      "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
      "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
    ],
    repeats: new Set(["cols", "conditionalFormatting"]),
    required: ["sheetData"],
  },
  styleSheet: {
    order: ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"],
    repeats: new Set(),
    required: [],
  },
  workbook: {
    order: [
      "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences",
      "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
      "fileRecoveryPr", "webPublishObjects", "extLst",
    ],
    repeats: new Set(["fileRecoveryPr"]),
    required: ["sheets"],
  },
};

/** Lists whose `count` must be their number of children, by the root they sit in. */
const COUNTED: Readonly<Record<string, ReadonlySet<string>>> = {
  worksheet: new Set(["mergeCells", "dataValidations"]),
  styleSheet: new Set(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"]),
  workbook: new Set(),
};

/** What one pass over a part finds out, for the checks within it and across parts. */
interface Facts {
  readonly problems: string[];
  root: string;
  rootNs: string;
  /** Per counted list: its count attribute and its children. */
  readonly lists: Map<string, { count: number | null; children: number }>;
  /** styleSheet: the cellXfs' references. */
  readonly xfs: { fontId: number; fillId: number; borderId: number; numFmtId: number; xfId: number }[];
  readonly numFmtIds: Set<number>;
  /** worksheet: the largest style index of a cell, row or column, and dxf index of a rule. */
  maxStyle: { index: number; where: string } | null;
  maxDxf: number;
  /** workbook */
  readonly sheets: { name: string; sheetId: string; rid: string | null }[];
  readonly definedNames: { name: string; localSheetId: number | null }[];
  /** relationships */
  readonly relationships: { id: string; type: string; target: string; external: boolean }[];
  /** content types */
  readonly defaults: string[];
  readonly overrides: string[];
}

/** A whole number as an attribute holds it (`12`), null when it is none. */
function number(v: string | undefined): number | null {
  if (v === undefined || v.length === 0) return null;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return /^\s*\d+\s*$/.test(v) ? Number(v) : null;
    n = n * 10 + d;
  }
  return n;
}

/** "AB12" → [12, 28]. */
function cellAt(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === 0 || i > 3) return null;
  const row = number(ref.slice(i));
  return row === null || ref.charCodeAt(i) === 32 ? null : [row, col];
}

/** A part's text, as its bytes are encoded (the writer writes UTF-8; a copied UTF-16 part stays UTF-16). */
function textOf(bytes: Uint8Array): string {
  const { encoding } = sniffEncoding(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

/** One pass over a part: well-formedness with namespaces, its order, its counts and what other parts must agree with. */
function inspect(bytes: Uint8Array): Facts {
  const facts: Facts = {
    problems: [],
    root: "",
    rootNs: "",
    lists: new Map(),
    xfs: [],
    numFmtIds: new Set(),
    maxStyle: null,
    maxDxf: -1,
    sheets: [],
    definedNames: [],
    relationships: [],
    defaults: [],
    overrides: [],
  };
  const problem = (p: string) => {
    if (!facts.problems.includes(p)) facts.problems.push(p);
  };
  // namespaces resolved here rather than by saxes's xmlns mode (three times the time on a form sheet): a stack of the
  // declarations met, an undeclared prefix on an element or an attribute being the error
  const parser = new SaxesParser();
  const path: { local: string; uri: string }[] = [];
  const scopes: { depth: number; bindings: Map<string, string> }[] = [{ depth: -1, bindings: new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]) }];
  const resolve = (prefix: string): string | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const uri = scopes[i].bindings.get(prefix);
      if (uri !== undefined) return uri;
    }
    return undefined;
  };
  let sequence: Sequence | undefined;
  let lastIndex = -1;
  const seen = new Set<string>();
  let inCellXfs = false;
  let row = 0;
  let col = 0;
  let lastRow = 0;
  // the attributes one by one as saxes meets them (cheaper than walking each tag's attribute object): declarations
  // gathered, prefixed names kept to be checked once the tag's own declarations are all known
  let declared: Map<string, string> | null = null;
  const prefixed: string[] = [];
  parser.on("attribute", ({ name, value }) => {
    if (name.charCodeAt(0) === 120 /* x */ && (name === "xmlns" || name.startsWith("xmlns:"))) (declared ??= new Map()).set(name === "xmlns" ? "" : name.slice(6), value);
    else if (name.includes(":")) prefixed.push(name);
  });
  parser.on("opentag", (tag) => {
    const attrs = tag.attributes as Record<string, string>;
    if (declared) scopes.push({ depth: path.length, bindings: declared });
    declared = null;
    const colon = tag.name.indexOf(":");
    const local = colon < 0 ? tag.name : tag.name.slice(colon + 1);
    const uri = resolve(colon < 0 ? "" : tag.name.slice(0, colon));
    if (uri === undefined) throw new Error(`元素 <${tag.name}> 的前缀没有声明`);
    const a = (name: string): string | undefined => attrs[name];
    for (const k of prefixed) if (resolve(k.slice(0, k.indexOf(":"))) === undefined) throw new Error(`属性 ${k} 的前缀没有声明`);
    prefixed.length = 0;
    if (path.length === 0) {
      facts.root = local;
      facts.rootNs = uri;
      sequence = uri === SML ? SEQUENCES[local] : undefined;
    } else if (path.length === 1 && uri === SML && sequence) {
      const at = sequence.order.indexOf(local);
      if (at < 0) problem(`<${local}> 不是 <${facts.root}> 的子元素`);
      else if (at < lastIndex) problem(`<${local}> 的位置不符合 SpreadsheetML 的顺序（应在 <${sequence.order[lastIndex]}> 之前）`);
      else if (at === lastIndex && !sequence.repeats.has(local)) problem(`<${local}> 出现了不止一次`);
      lastIndex = Math.max(lastIndex, at);
      seen.add(local);
      if (COUNTED[facts.root]?.has(local)) facts.lists.set(local, { count: number(a("count")), children: 0 });
      inCellXfs = local === "cellXfs";
    } else if (path.length === 2 && uri === SML) {
      const list = facts.lists.get(path[1].local);
      if (list) list.children++;
    }
    const parent = path[path.length - 1];
    if (uri === SML) {
      switch (facts.root) {
        case "worksheet":
          if (local === "row" && parent?.local === "sheetData") {
            const r = a("r") !== undefined ? number(a("r")) : lastRow + 1;
            if (r === null || r <= lastRow) problem(`行 ${a("r") ?? r} 不在行的顺序上`);
            row = r ?? lastRow;
            lastRow = row;
            col = 0;
          } else if (local === "c" && parent?.local === "row") {
            const at = a("r") !== undefined ? cellAt(a("r")!) : [row, col + 1];
            if (!at || at[0] !== row || at[1] <= col) problem(`单元格 ${a("r") ?? `第 ${row} 行第 ${col + 1} 个`} 不在行列的顺序上`);
            col = at ? at[1] : col + 1;
          } else if (local === "cfRule" && a("dxfId") !== undefined) facts.maxDxf = Math.max(facts.maxDxf, number(a("dxfId")) ?? Infinity);
          if ((local === "c" || local === "row") && a("s") !== undefined) {
            const s = number(a("s")) ?? Infinity;
            if (!facts.maxStyle || s > facts.maxStyle.index) facts.maxStyle = { index: s, where: local === "c" ? `单元格 ${a("r") ?? ""}` : `第 ${row} 行` };
          } else if (local === "col" && a("style") !== undefined) {
            const s = number(a("style")) ?? Infinity;
            if (!facts.maxStyle || s > facts.maxStyle.index) facts.maxStyle = { index: s, where: `第 ${a("min")} 列` };
          }
          break;
        case "styleSheet":
          if (local === "xf" && inCellXfs && path.length === 2) {
            const n = (k: string) => number(a(k) ?? "0") ?? Infinity;
            facts.xfs.push({ fontId: n("fontId"), fillId: n("fillId"), borderId: n("borderId"), numFmtId: n("numFmtId"), xfId: n("xfId") });
          } else if (local === "numFmt") facts.numFmtIds.add(number(a("numFmtId")) ?? -1);
          break;
        case "workbook":
          if (local === "sheet" && parent?.local === "sheets") {
            let rid: string | null = null;
            for (const k in attrs) if (k.endsWith(":id") && resolve(k.slice(0, k.indexOf(":"))) === R) rid = attrs[k];
            facts.sheets.push({ name: a("name") ?? "", sheetId: a("sheetId") ?? "", rid });
          } else if (local === "definedName") facts.definedNames.push({ name: a("name") ?? "", localSheetId: a("localSheetId") !== undefined ? number(a("localSheetId")) : null });
          break;
      }
    } else if (uri === RELS && local === "Relationship") {
      facts.relationships.push({ id: a("Id") ?? "", type: a("Type") ?? "", target: a("Target") ?? "", external: a("TargetMode") === "External" });
    } else if (uri === TYPES) {
      if (local === "Default") facts.defaults.push((a("Extension") ?? "").toLowerCase());
      else if (local === "Override") facts.overrides.push((a("PartName") ?? "").toLowerCase());
    }
    path.push({ local, uri });
  });
  parser.on("closetag", () => {
    path.pop();
    if (scopes[scopes.length - 1].depth === path.length) scopes.pop();
    if (path.length === 1) inCellXfs = false;
  });
  try {
    parser.write(textOf(bytes)).close();
  } catch (e) {
    problem(`不是格式正确的 XML（${(e as Error).message.replace(/^(?:[^:]*:)?\d+:\d+: /, "")}）`);
    return facts;
  }
  if (sequence) for (const r of sequence.required) if (!seen.has(r)) problem(`缺少 <${r}>`);
  for (const [list, { count, children }] of facts.lists) if (count !== null && count !== children) problem(`<${list}> 的 count 为 ${count}，实有 ${children} 项`);
  return facts;
}

/** What the package around a part says: its styles' sizes, the workbook's relationships, the parts there are. */
interface Context {
  readonly styles: Facts | null;
  readonly workbookRels: Facts | null;
  readonly names: ReadonlySet<string>;
}

const BUILT_IN_FORMATS = 163;

/** Problems of a part against the rest of the package. */
function crossProblems(part: string, facts: Facts, context: Context): string[] {
  const out: string[] = [];
  const size = (list: string) => context.styles?.lists.get(list)?.children ?? null;
  if (facts.root === "worksheet" && facts.rootNs === SML) {
    const xfs = size("cellXfs");
    if (facts.maxStyle && xfs !== null && facts.maxStyle.index >= Math.max(1, xfs)) out.push(`${facts.maxStyle.where}的样式 ${facts.maxStyle.index} 超出单元格格式的数目（${xfs}）`);
    const dxfs = size("dxfs") ?? 0;
    if (facts.maxDxf >= dxfs) out.push(`条件格式引用的差异格式 ${facts.maxDxf} 超出其数目（${dxfs}）`);
  }
  if (facts.root === "styleSheet" && facts.rootNs === SML) {
    const [fonts, fills, borders, styleXfs] = ["fonts", "fills", "borders", "cellStyleXfs"].map((l) => facts.lists.get(l)?.children ?? 0);
    facts.xfs.forEach((xf, i) => {
      if (xf.fontId >= fonts || xf.fillId >= fills || xf.borderId >= borders || (styleXfs > 0 && xf.xfId >= styleXfs)) out.push(`单元格格式 ${i} 引用了不存在的字体、填充、边框或单元格样式`);
      else if (xf.numFmtId > BUILT_IN_FORMATS && !facts.numFmtIds.has(xf.numFmtId)) out.push(`单元格格式 ${i} 引用了不存在的数字格式 ${xf.numFmtId}`);
    });
  }
  if (facts.root === "workbook" && facts.rootNs === SML) {
    const names = new Set<string>();
    const ids = new Set<string>();
    const rels = new Set((context.workbookRels?.relationships ?? []).map((r) => r.id));
    for (const s of facts.sheets) {
      if (names.has(s.name.toLowerCase())) out.push(`工作表名“${s.name}”重复`);
      if (ids.has(s.sheetId)) out.push(`sheetId ${s.sheetId} 重复`);
      if (s.rid === null || (context.workbookRels && !rels.has(s.rid))) out.push(`工作表“${s.name}”的关系“${s.rid ?? ""}”不存在`);
      names.add(s.name.toLowerCase());
      ids.add(s.sheetId);
    }
    const defined = new Set<string>();
    for (const d of facts.definedNames) {
      if (d.localSheetId !== null && d.localSheetId >= facts.sheets.length) out.push(`定义名称“${d.name}”的 localSheetId ${d.localSheetId} 超出工作表数目`);
      const key = `${d.name.toLowerCase()}|${d.localSheetId ?? ""}`;
      if (defined.has(key)) out.push(`定义名称“${d.name}”重复`);
      defined.add(key);
    }
  }
  if (facts.rootNs === RELS) {
    const ids = new Set<string>();
    const source = part === "_rels/.rels" ? "" : part.replace(/_rels\/([^/]*)\.rels$/, "$1");
    const once = new Map<string, number>();
    for (const r of facts.relationships) {
      if (ids.has(r.id)) out.push(`关系 ID“${r.id}”重复`);
      ids.add(r.id);
      if (!r.external && !context.names.has(resolvePartName(source, r.target).toLowerCase())) out.push(`关系“${r.id}”指向的部件“${r.target}”不存在`);
      const kind = r.type.slice(r.type.lastIndexOf("/") + 1);
      if (["styles", "sharedStrings", "theme", "calcChain", "officeDocument"].includes(kind)) once.set(kind, (once.get(kind) ?? 0) + 1);
    }
    for (const [kind, n] of once) if (n > 1) out.push(`${kind} 关系出现了 ${n} 次`);
  }
  if (facts.rootNs === TYPES) {
    const overrides = new Set<string>();
    for (const o of facts.overrides) {
      if (overrides.has(o)) out.push(`部件“${o}”的内容类型登记了不止一次`);
      overrides.add(o);
    }
    const defaults = new Set<string>();
    for (const d of facts.defaults) {
      if (defaults.has(d)) out.push(`扩展名“${d}”的默认内容类型登记了不止一次`);
      defaults.add(d);
    }
    for (const name of context.names) {
      if (name.endsWith("/") || name === "[content_types].xml") continue;
      if (!overrides.has(`/${name}`) && !defaults.has(name.slice(name.lastIndexOf(".") + 1))) out.push(`部件“${name}”没有内容类型`);
    }
  }
  return out;
}

/** A package to check before it is written: the parts written anew or changed, and the way to every other part. */
export interface PackageToVerify {
  /** Parts new or changed, by their name in the output. */
  readonly written: ReadonlyMap<string, Uint8Array>;
  /** Every part name of the output (copied ones too). */
  readonly names: readonly string[];
  /** Every part name of the input (default: the output's), for the problems the input's own parts had. */
  readonly inputNames?: readonly string[];
  /** Any part of the output as it will be written (null when there is none). */
  readonly read: (name: string) => Uint8Array | null;
  /** The input's version of a changed part (null for a new one): a problem it already had is not the copy's. */
  readonly original: (name: string) => Uint8Array | null;
  /** The workbook part, and the styles part (null when the package has none). */
  readonly workbook: string;
  readonly styles: string | null;
}

/** Every problem the writing introduced, `part：problem`; empty when the package may be written. */
export function packageProblems(pkg: PackageToVerify): string[] {
  const names = new Set(pkg.names.map((n) => n.toLowerCase()));
  const facts = new Map<string, Facts>();
  const factsOf = (name: string | null, bytes: (n: string) => Uint8Array | null, cache: Map<string, Facts>): Facts | null => {
    if (!name) return null;
    const known = cache.get(name.toLowerCase());
    if (known) return known;
    const b = bytes(name);
    if (!b) return null;
    const f = inspect(b);
    cache.set(name.toLowerCase(), f);
    return f;
  };
  const context: Context = { styles: factsOf(pkg.styles, pkg.read, facts), workbookRels: factsOf(relsPartOf(pkg.workbook), pkg.read, facts), names };
  const before = new Map<string, Facts>();
  const inputNames = pkg.inputNames ? new Set(pkg.inputNames.map((n) => n.toLowerCase())) : names;
  const originalContext = (): Context => ({
    styles: factsOf(pkg.styles, pkg.original, before) ?? context.styles,
    workbookRels: factsOf(relsPartOf(pkg.workbook), pkg.original, before) ?? context.workbookRels,
    names: inputNames,
  });
  const out: string[] = [];
  for (const [name, bytes] of pkg.written) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const f = factsOf(name, () => bytes, facts)!;
    const problems = [...f.problems, ...crossProblems(name, f, context)];
    if (problems.length === 0) continue;
    // what the input's own part already had is not the writer's doing
    const original = factsOf(name, pkg.original, before);
    const had = original ? new Set([...original.problems, ...crossProblems(name, original, originalContext())]) : new Set<string>();
    for (const p of problems) if (!had.has(p)) out.push(`${name}：${p}`);
  }
  return out;
}

/** packageProblems, thrown as the reason no file is written. */
export function verifyPackage(pkg: PackageToVerify): void {
  const problems = packageProblems(pkg);
  if (problems.length === 0) return;
  const [part, ...why] = problems[0].split("：");
  throw unreadable(`无法写出文件：生成的部件“${part}”未通过结构检查（${why.join("：")}${problems.length > 1 ? `，另有 ${problems.length - 1} 处` : ""}），未写入任何内容；这是本工具的缺陷，请把输入文件交给开发者`);
}
