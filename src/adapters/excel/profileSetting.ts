import { PROFILE_SETTING } from "./settingsKeys";

/** The profile id stored with the workbook (one sync), or null. */
export async function loadProfileSetting(context: Excel.RequestContext): Promise<string | null> {
  const item = context.workbook.settings.getItemOrNullObject(PROFILE_SETTING);
  item.load("value");
  await context.sync();
  return !item.isNullObject && typeof item.value === "string" ? item.value : null;
}

/** Store the profile id with the workbook (one sync; saved in the file when the user saves it). */
export async function saveProfileSetting(context: Excel.RequestContext, id: string): Promise<void> {
  context.workbook.settings.add(PROFILE_SETTING, id);
  await context.sync();
}
