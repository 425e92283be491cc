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
}

const GRID_RGB = "FFBFBFBF";

export class StyleBook {
  // the first of each list is the default; fills 0 and 1 are the two every stylesheet reserves (none, gray125)
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly byLook = new Map<string, number>();

  /** The cellXfs index of a look (made on first use). */
  xf(look: CellLook = {}): number {
    const key = JSON.stringify([look.font ?? "", look.bold ?? false, look.underline ?? false, look.size ?? 11, look.color ?? "", look.fill ?? "", look.border ?? false, look.horizontal ?? "", look.vertical ?? "", look.wrap ?? false]);
    const known = this.byLook.get(key);
    if (known !== undefined) return known;
    const name = escapeXml(look.font ?? "Calibri");
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
    const applied = `${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""}${aligned ? ' applyAlignment="1"' : ""}`;
    const index = this.xfs.push(`<xf numFmtId="0" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applied}${alignment ? `>${alignment}</xf>` : "/>"}`) - 1;
    this.byLook.set(key, index);
    return index;
  }

  /** The stylesheet part (xl/styles.xml) holding these styles. */
  xml(): string {
    const list = (name: string, items: readonly string[]) => `<${name} count="${items.length}">${items.join("")}</${name}>`;
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
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
