import { NO_OWN_WRITES, OwnWrites } from "./ownWrites";

/**
 * The live re-check's ear: WorksheetCollection.onChanged (ExcelApi 1.9; its per-sheet form Worksheet.onChanged is 1.7,
 * but the collection's also hears sheets added after the pane started, and the manifest asks for 1.13 anyway).
 *
 * Excel raises the event for the add-in's own writes too ("Events triggers", excel-add-ins-events): 写入计算结果, 撤销,
 * a 忽略 written to the store sheet. Those are not the user's edits and are dropped before any round trip: by
 * `triggerSource: "ThisLocalAddin"` where Excel says so (ExcelApi 1.14, Excel.EventTriggerSource), else by the write
 * marker (ownWrites.ts: the cells the add-in noted just before writing them). What remains names its sheet by id
 * (WorksheetChangedEventArgs.worksheetId), so its name is looked up as the event comes (one round trip; a sheet may
 * have been renamed since); a very hidden sheet — the add-in's store, which only the add-in and the command line write
 * — is never re-checked. A co-author's change (source "Remote") is heard too: the numbers on show follow the shared
 * workbook.
 */
export async function watchEdits(
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>,
  onEdit: (sheet: string) => void,
  ownWrites: OwnWrites = NO_OWN_WRITES,
): Promise<() => Promise<void>> {
  // very hidden sheets stay so (Excel's UI cannot show them): one look-up per such sheet is enough
  const veryHidden = new Set<string>();
  const sheetOf = (id: string): Promise<{ readonly name: string; readonly visibility: string } | null> =>
    run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(id);
      ws.load("name,visibility");
      await context.sync();
      if (!ws.isNullObject && ws.visibility === "VeryHidden") veryHidden.add(id);
      return ws.isNullObject ? null : { name: ws.name, visibility: ws.visibility };
    });
  const registration = await run(async (context) => {
    const r = context.workbook.worksheets.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => {
      if (args.triggerSource === "ThisLocalAddin") return;
      if (veryHidden.has(args.worksheetId) || ownWrites.byId(args.worksheetId, args.address)) return;
      const sheet = await sheetOf(args.worksheetId).catch(() => null);
      if (!sheet || sheet.visibility === "VeryHidden" || ownWrites.byName(sheet.name, args.address)) return;
      onEdit(sheet.name);
    });
    await context.sync();
    return r;
  });
  return async () => {
    const context = registration.context as Excel.RequestContext;
    registration.remove();
    await context.sync();
  };
}
