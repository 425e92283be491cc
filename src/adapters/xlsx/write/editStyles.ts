import { HIGHLIGHT_RGB, HighlightKind } from "../../../engine";
import { builtInFormat } from "../read/styles";
import { ElementSpan, escapeXml, prefixOf, scanElements, toLatin1, XmlText } from "./xmlText";
import type { SheetStyles } from "./editSheet";

/** CT_Stylesheet's children in schema order: a list that is missing is created where the schema puts it. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const LISTS = new Set(["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"]);

/** The smallest stylesheet Excel accepts, for a package that has none. */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

interface List {
  element: ElementSpan | null;
  /** The children as they are in the part (raw, one character a byte). */
  readonly items: string[];
  readonly added: string[];
}

/** Set (or add) an attribute in the open tag at the start of `raw`. */
function withAttribute(raw: string, name: string, value: string): string {
  const close = raw.indexOf(">");
  const open = raw.slice(0, close);
  const re = new RegExp(`(\\s${name}=)("[^"]*"|'[^']*')`);
  const changed = re.test(open) ? open.replace(re, `$1"${value}"`) : open.replace(/^(<[^\s/>]+)/, `$1 ${name}="${value}"`);
  return changed + raw.slice(close);
}

function attribute(raw: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}=("([^"]*)"|'([^']*)')`).exec(raw.slice(0, raw.indexOf(">")));
  return m ? (m[2] ?? m[3]) : undefined;
}

/**
 * The styles part of a scored copy: what exists is kept byte for byte; what the copy needs is appended — a cell
 * style with the number format of a written cell, the fills of the highlight rules (reused when an earlier run
 * added them), and the styles of the transplanted 校验结果 sheet. Counts are updated; indexes never move.
 */
export class StylesEditor implements SheetStyles {
  private readonly xml: XmlText;
  private readonly lists = new Map<string, List>();
  private readonly topLevel: ElementSpan[] = [];
  private root!: ElementSpan;
  private readonly prefix: string;
  private readonly customFormats = new Map<number, string>();
  private readonly withFormat = new Map<string, number>();
  private readonly dxfOf = new Map<HighlightKind, number>();

  constructor(
    part: string,
    private readonly original: Uint8Array,
  ) {
    this.xml = new XmlText(original, part);
    for (const name of LISTS) this.lists.set(name, { element: null, items: [], added: [] });
    scanElements(
      part,
      this.xml,
      (name, depth, a) => {
        if (depth === 2 && name === "numFmt" && a.numFmtId !== undefined) this.customFormats.set(Number(a.numFmtId), a.formatCode ?? "");
        return depth <= 2;
      },
      (el, parents) => {
        if (el.depth === 0) this.root = el;
        else if (el.depth === 1) {
          this.topLevel.push(el);
          const list = this.lists.get(el.name);
          if (list) list.element = el;
        } else {
          const parent = parents[parents.length - 1];
          const list = parent ? this.lists.get(parent.name) : undefined;
          if (list) list.items.push(this.xml.text.slice(el.start, el.end));
        }
      },
    );
    const q = this.root.qualifiedName;
    this.prefix = q.includes(":") ? q.slice(0, q.indexOf(":") + 1) : "";
  }

  private list(name: string): List {
    return this.lists.get(name)!;
  }

  /**
   * Unprefixed markup (one character a byte: toLatin1 of ours, or another stylesheet's raw items) as an item of
   * `listName` in this part: with the prefix that list is written with (or the root's, for a list we create).
   */
  private own(listName: string, raw: string): string {
    const el = this.list(listName).element;
    const prefix = el ? prefixOf(el) : this.prefix;
    return prefix ? raw.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}$2`) : raw;
  }

  /**
   * The index of an item in a list: one already there, byte for byte (an earlier run's, or the workbook's own), or
   * appended — so scoring a scored copy again adds nothing.
   */
  private add(listName: string, raw: string): number {
    const list = this.list(listName);
    const there = list.items.indexOf(raw);
    if (there >= 0) return there;
    const added = list.added.indexOf(raw);
    if (added >= 0) return list.items.length + added;
    list.added.push(raw);
    return list.items.length + list.added.length - 1;
  }

  /** The id of a number format code: a built-in one, an existing custom one, or a new custom one. */
  private formatId(code: string): number {
    for (let id = 1; id < 50; id++) if (builtInFormat(id) === code) return id;
    for (const [id, c] of this.customFormats) if (c === code) return id;
    const id = Math.max(163, ...this.customFormats.keys()) + 1;
    this.customFormats.set(id, code);
    this.add("numFmts", this.own("numFmts", toLatin1(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code, "attribute")}"/>`)));
    return id;
  }

  styleWithFormat(s: number, numberFormat: string): number {
    const key = `${s}|${numberFormat}`;
    const known = this.withFormat.get(key);
    if (known !== undefined) return known;
    const xfs = this.list("cellXfs");
    const base = xfs.items[s] ?? xfs.added[s - xfs.items.length] ?? xfs.items[0] ?? this.own("cellXfs", '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    const id = this.formatId(numberFormat);
    const index = this.add("cellXfs", withAttribute(withAttribute(base, "numFmtId", String(id)), "applyNumberFormat", "1"));
    this.withFormat.set(key, index);
    return index;
  }

  highlightDxf(kind: HighlightKind): number {
    const known = this.dxfOf.get(kind);
    if (known !== undefined) return known;
    // the same fill from an earlier run is reused (add), so scoring a scored copy again does not grow the styles
    const index = this.add("dxfs", this.own("dxfs", `<dxf><fill><patternFill patternType="solid"><bgColor rgb="FF${HIGHLIGHT_RGB[kind]}"/></patternFill></fill></dxf>`));
    this.dxfOf.set(kind, index);
    return index;
  }

  isOwnFill(dxfId: number): boolean {
    const raw = this.list("dxfs").items[dxfId];
    if (!raw) return false;
    const rgb = /bgColor[^>]*rgb="([0-9A-Fa-f]{8})"/.exec(raw)?.[1]?.toUpperCase();
    return rgb !== undefined && Object.values(HIGHLIGHT_RGB).some((c) => `FF${c}` === rgb);
  }

  /**
   * Append another stylesheet's fonts, fills, borders, number formats, cell styles and dxfs (the one our 校验结果 or
   * 汇总 sheet was laid out with, write/styleBook.ts) and say where its cell styles and dxfs land here.
   */
  importFrom(other: StylesEditor): { readonly cellStyle: (s: number) => number; readonly dxf: (d: number) => number } {
    // item by item: an item this part already has (an earlier run's) is reused, so the indexes are mapped one by one
    const moved = (name: string, edit: (raw: string) => string = (raw) => raw) => other.list(name).items.map((raw) => this.add(name, this.own(name, edit(raw))));
    const [fonts, fills, borders, dxfs] = ["fonts", "fills", "borders", "dxfs"].map((name) => moved(name));
    const formatIds = new Map<number, number>();
    for (const [id, code] of other.customFormats) formatIds.set(id, this.formatId(code));
    const xfs = moved("cellXfs", (raw) => {
      const n = (attr: string) => Number(attribute(raw, attr) ?? 0);
      let xf = withAttribute(raw, "fontId", String(fonts[n("fontId")] ?? 0));
      xf = withAttribute(xf, "fillId", String(fills[n("fillId")] ?? 0));
      xf = withAttribute(xf, "borderId", String(borders[n("borderId")] ?? 0));
      xf = withAttribute(xf, "numFmtId", String(formatIds.get(n("numFmtId")) ?? n("numFmtId")));
      return withAttribute(xf, "xfId", "0");
    });
    return { cellStyle: (s) => xfs[s] ?? 0, dxf: (d) => dxfs[d] ?? 0 };
  }

  /** The edited part, or null when nothing was added. */
  bytes(): Uint8Array | null {
    let changed = false;
    for (const [name, list] of this.lists) {
      if (list.added.length === 0) continue;
      changed = true;
      const count = String(list.items.length + list.added.length);
      const children = list.added.join("");
      const el = list.element;
      if (!el) {
        const q = `${this.prefix}${name}`;
        const markup = `<${q} count="${count}">${children}</${q}>`;
        const next = this.topLevel.find((e) => ORDER.indexOf(e.name) > ORDER.indexOf(name));
        this.xml.replaceRaw(next ? next.start : this.xml.text.lastIndexOf("<", this.root.end - 1), next ? next.start : this.xml.text.lastIndexOf("<", this.root.end - 1), markup);
      } else {
        const openTag = withAttribute(this.xml.text.slice(el.start, el.openEnd), "count", count);
        if (el.selfClosing) this.xml.replaceRaw(el.start, el.end, `${openTag.replace(/\s*\/>$/, ">")}${children}</${el.qualifiedName}>`);
        else {
          this.xml.replaceRaw(el.start, el.openEnd, openTag);
          this.xml.replaceRaw(this.xml.text.lastIndexOf("<", el.end - 1), this.xml.text.lastIndexOf("<", el.end - 1), children);
        }
      }
    }
    return changed ? this.xml.bytes() : null;
  }
}
