/**
 * What one XML part may hold, checked where the parser meets it, before anything is kept: the reader's memory and time
 * stay bounded whatever a part holds within its byte limit (126 MB of nesting exhausted a 4.8 GB heap in the parser's
 * own stack of open tags before these existed).
 */
export interface XmlLimits {
  /** Elements open at once. Real parts nest some 10 deep (an x14 rule in a sheet's extLst); 256 leaves room. */
  readonly depth: number;
  /** Attributes of one element (Excel's widest, a cell format or a sheet view, have some 30). */
  readonly attributes: number;
  /**
   * Characters between two `<`: a text (Excel holds 32,767 characters in a cell, 8,192 in a formula) or a tag with its
   * attributes (a long sqref). The parser gathers such a run whole before it hands it over.
   */
  readonly run: number;
  /** Elements of the part; each pass that keeps something per element says how many it takes. */
  readonly elements: number;
}

/** The limits of a worksheet or the shared strings: their cells and strings are bounded by the part's bytes and the cell budget. */
export const XML_LIMITS: XmlLimits = Object.freeze({ depth: 256, attributes: 1024, run: 1024 * 1024, elements: 50_000_000 });

/**
 * The limits of the package's own parts — [Content_Types].xml, relationships, workbook.xml — whose every element is
 * kept as an object: a workbook of 20,000 forms has some 60,000 elements there.
 */
export const PACKAGE_XML_LIMITS: XmlLimits = Object.freeze({ ...XML_LIMITS, elements: 1_000_000 });

/** The limits of styles.xml: one entry kept per cell format (Excel allows 65,490 of them). */
export const STYLES_XML_LIMITS: XmlLimits = Object.freeze({ ...XML_LIMITS, elements: 4_000_000 });
