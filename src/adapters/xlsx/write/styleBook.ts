/**
 * The cell styles of a sheet we lay out ourselves (the 校验结果 sheet), as a stylesheet of their own: each distinct
 * style one `<xf>` of cellXfs, its font, fill and border deduplicated. scoredCopy moves them into the copy's styles
 * (StylesEditor.importFrom) and renumbers the sheet's `s="…"` to where they land.
 */

/** What a cell looks like: every cell is wrapped and aligned to the top (text that reads down the page). */
export interface CellLook {
  readonly bold?: boolean;
  /** Points; 11 when absent. */
  readonly size?: number;
  /** Font colour, ARGB (`FF595959`). */
  readonly color?: string;
  /** Solid fill, ARGB. */
  readonly fill?: string;
  /** A thin light-grey border on every side. */
  readonly border?: boolean;
}

const GRID_RGB = "FFBFBFBF";
const ALIGN = '<alignment vertical="top" wrapText="1"/>';

export class StyleBook {
  // the first of each list is the default; fills 0 and 1 are the two every stylesheet reserves (none, gray125)
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly byLook = new Map<string, number>();

  /** The cellXfs index of a look (made on first use). */
  xf(look: CellLook = {}): number {
    const key = JSON.stringify([look.bold ?? false, look.size ?? 11, look.color ?? "", look.fill ?? "", look.border ?? false]);
    const known = this.byLook.get(key);
    if (known !== undefined) return known;
    const font = indexOf(this.fonts, `<font>${look.bold ? "<b/>" : ""}<sz val="${look.size ?? 11}"/>${look.color ? `<color rgb="${look.color}"/>` : ""}<name val="Calibri"/><family val="2"/></font>`);
    const fill = look.fill ? indexOf(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${look.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const side = (name: string) => `<${name} style="thin"><color rgb="${GRID_RGB}"/></${name}>`;
    const border = look.border ? indexOf(this.borders, `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`) : 0;
    const applied = `${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""}`;
    const index = this.xfs.push(`<xf numFmtId="0" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applied} applyAlignment="1">${ALIGN}</xf>`) - 1;
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
