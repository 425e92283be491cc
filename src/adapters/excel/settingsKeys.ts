/** Keys of the add-in's settings stored in the workbook (Excel.SettingCollection, ExcelApi 1.4). */
export const PROFILE_SETTING = "ziping.profile";
export const UNDO_SETTING = "ziping.undo";
