/** Templates (issue 4): a blank 自评表 for a new project, and next year's form from this year's. */
export { newTemplateSpec, defaultIndicators, splitWeight, DEFAULT_TITLE, DEFAULT_SHEET_NAME } from "./newTemplate";
export type { NewTemplateOptions } from "./newTemplate";
export { nextYearTemplateSpec } from "./nextYearTemplate";
export type { NextYearTemplate, NextYearTemplateOptions } from "./nextYearTemplate";
export { layoutFormSheet, LEVEL2_BY_LEVEL1 } from "./formSheet";
export { declarationTemplateSpec, departmentTemplateSpec, DEPARTMENT_TITLE } from "./fromDeclaration";
export type { DeclarationTemplate } from "./fromDeclaration";
export type { FormContent, TemplateIndicator } from "./formSheet";
