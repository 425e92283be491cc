import { TaughtLabel } from "../engine";
import type { StoreChange } from "./host";
import { acceptKey, unacceptKey, withTaughtLabel, WorkbookStore } from "./workbookStore";
import { taughtLabel } from "./formDetails";

export type StoreUpdate = { readonly ok: true; readonly store: WorkbookStore } | { readonly ok: false; readonly message: string };

/**
 * A change the pane asks for (忽略, 取消忽略, 表头设置), as a function of the store as it is now in the workbook — both
 * hosts read the store afresh and apply it, so a decision made meanwhile elsewhere (the command line, a co-author) is
 * kept. `at` is the host's time.
 */
export function applyStoreChange(change: StoreChange, at: string): (store: WorkbookStore) => StoreUpdate {
  return (store) => {
    switch (change.kind) {
      case "accept":
        return acceptKey(store, { key: change.key, severity: change.severity }, { reason: change.reason, by: change.by, at });
      case "unaccept":
        return { ok: true, store: unacceptKey(store, change.key) };
      case "teach": {
        const label: TaughtLabel | null = taughtLabel(change.table, change.field, change.text);
        return label ? { ok: true, store: withTaughtLabel(store, label) } : { ok: false, message: "请选择一个有文字的表头单元格和它对应的栏目。" };
      }
    }
  };
}
