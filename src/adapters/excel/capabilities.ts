/**
 * Which Excel API sets this client has. The manifest asks for ExcelApi 1.13, which includes all of these; they are
 * still asked of `isSetSupported` at run time (with a fallback: no highlights, no validations, no merges read), so
 * that a client that reports less — or a host added to the manifest later — degrades instead of failing.
 */
export interface ExcelCapabilities {
  /** ExcelApi 1.6: conditional formats (highlights that leave the user's own fills alone). */
  readonly conditionalFormats: boolean;
  /** ExcelApi 1.8: data validation on new template sheets. */
  readonly dataValidation: boolean;
  /** ExcelApi 1.9: page layout (fit to one page wide) on new template sheets. */
  readonly pageLayout: boolean;
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. */
  readonly mergedAreas: boolean;
  /** ExcelApi 1.7: Range.hyperlink (the 汇总's links to each form). */
  readonly hyperlinks: boolean;
  /** ExcelApi 1.9: WorksheetCollection.onChanged (the live re-check after an edit). */
  readonly changeEvents: boolean;
}

export const ALL_CAPABILITIES: ExcelCapabilities = Object.freeze({
  conditionalFormats: true,
  dataValidation: true,
  pageLayout: true,
  mergedAreas: true,
  hyperlinks: true,
  changeEvents: true,
});

/** Ask the running Office client; outside Office (tests, file mode) none of them is assumed. */
export function detectCapabilities(): ExcelCapabilities {
  const has = (version: string) =>
    typeof Office !== "undefined" && Boolean(Office.context?.requirements?.isSetSupported("ExcelApi", version));
  return {
    conditionalFormats: has("1.6"),
    dataValidation: has("1.8"),
    pageLayout: has("1.9"),
    mergedAreas: has("1.13"),
    hyperlinks: has("1.7"),
    changeEvents: has("1.9"),
  };
}
