import { builtInFormat } from "../read/styles";
import { escapeXml } from "./xmlText";

/**
 * The cell styles of a sheet we lay out ourselves (the 校验结果 sheet, the 汇总), as a stylesheet of their own: each distinct
 * style one `<xf>` of cellXfs, its font, fill and border deduplicated. scoredCopy moves them into the copy's styles
 * (StylesEditor.importFrom) and renumbers the sheet's `s="…"` to where they land.
 */

/** What a cell looks like. */
export interface CellLook {
  /** Font name; Calibri when absent. */
  readonly font?: string;
  readonly bold?: boolean;
  readonly underline?: boolean;
  /** Points; 11 when absent. */
  readonly size?: number;
  /** Font colour, ARGB (`FF595959`). */
  readonly color?: string;
  /** Solid fill, ARGB. */
  readonly fill?: string;
  /** A thin border on every side: light grey (true), or in this ARGB colour. */
  readonly border?: boolean | string;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "center" | "bottom";
  readonly wrap?: boolean;
  /** A number format code (`#,##0.00`): a built-in one by its id, another as a custom format. */
  readonly numberFormat?: string;
}

const GRID_RGB = "FFBFBFBF";

export class StyleBook {
  // the first of each list is the default; fills 0 and 1 are the two every stylesheet reserves (none, gray125)
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  /** Custom number formats by code: ids from 164, where the built-in ones end. */
  private readonly formats = new Map<string, number>();
  private readonly byLook = new Map<string, number>();

  /** The cellXfs index of a look (made on first use). */
  xf(look: CellLook = {}): number {
    const key = JSON.stringify([look.font ?? "", look.bold ?? false, look.underline ?? false, look.size ?? 11, look.color ?? "", look.fill ?? "", look.border ?? false, look.horizontal ?? "", look.vertical ?? "", look.wrap ?? false, look.numberFormat ?? ""]);
    const known = this.byLook.get(key);
    if (known !== undefined) return known;
    const name = escapeXml(look.font ?? "Calibri", "attribute");
    const font = indexOf(
      this.fonts,
      `<font>${look.bold ? "<b/>" : ""}${look.underline ? "<u/>" : ""}<sz val="${look.size ?? 11}"/>${look.color ? `<color rgb="${look.color}"/>` : ""}<name val="${name}"/>${look.font ? "" : '<family val="2"/>'}</font>`,
    );
    const fill = look.fill ? indexOf(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${look.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const rgb = typeof look.border === "string" ? look.border : GRID_RGB;
    const side = (edge: string) => `<${edge} style="thin"><color rgb="${rgb}"/></${edge}>`;
    const border = look.border ? indexOf(this.borders, `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`) : 0;
    const aligned = look.horizontal || look.vertical || look.wrap;
    const alignment = aligned ? `<alignment${look.horizontal ? ` horizontal="${look.horizontal}"` : ""}${look.vertical ? ` vertical="${look.vertical}"` : ""}${look.wrap ? ' wrapText="1"' : ""}/>` : "";
    const format = look.numberFormat ? this.formatId(look.numberFormat) : 0;
    const applied = `${format ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""}${aligned ? ' applyAlignment="1"' : ""}`;
    const index = this.xfs.push(`<xf numFmtId="${format}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applied}${alignment ? `>${alignment}</xf>` : "/>"}`) - 1;
    this.byLook.set(key, index);
    return index;
  }

  /** The id of a number format: the built-in one's (ECMA-376 §18.8.30), else a custom one's. */
  private formatId(code: string): number {
    for (let id = 0; id < 164; id++) if (builtInFormat(id) === code) return id;
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const id = 164 + this.formats.size;
    this.formats.set(code, id);
    return id;
  }

  /** The stylesheet part (xl/styles.xml) holding these styles. */
  xml(): string {
    const list = (name: string, items: readonly string[]) => `<${name} count="${items.length}">${items.join("")}</${name}>`;
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code, "attribute")}"/>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats.length ? list("numFmts", formats) : "") +
      list("fonts", this.fonts) +
      list("fills", this.fills) +
      list("borders", this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>'
    );
  }
}

/** Where `item` is in `list`, added at the end when it is not there yet. */
function indexOf(list: string[], item: string): number {
  const at = list.indexOf(item);
  return at >= 0 ? at : list.push(item) - 1;
}
