/**
 * The live re-check's ear: WorksheetCollection.onChanged (ExcelApi 1.9; its per-sheet form Worksheet.onChanged is 1.7,
 * but the collection's also hears sheets added after the pane started, and the manifest asks for 1.13 anyway). The
 * event names the sheet by id (WorksheetChangedEventArgs.worksheetId), so its name is looked up as the event comes
 * (one round trip; a sheet may have been renamed since). A co-author's change (source "Remote") is heard too: the
 * numbers on show follow the shared workbook.
 */
export async function watchEdits(
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>,
  onEdit: (sheet: string) => void,
): Promise<() => Promise<void>> {
  const nameOf = (id: string): Promise<string | null> =>
    run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(id);
      ws.load("name");
      await context.sync();
      return ws.isNullObject ? null : ws.name;
    });
  const registration = await run(async (context) => {
    const r = context.workbook.worksheets.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => {
      const name = await nameOf(args.worksheetId).catch(() => null);
      if (name) onEdit(name);
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
