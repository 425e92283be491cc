import { Button, makeStyles } from "@fluentui/react-components";
import type { TemplateKind } from "../../app";
import type { TemplatesSlice } from "../slices";
import { T } from "../strings";

const useStyles = makeStyles({ actions: { display: "flex", flexWrap: "wrap", gap: "6px" } });

export interface TemplatesScreenProps {
  readonly slice: TemplatesSlice;
  readonly onMake: (kind: TemplateKind) => void;
  /** Props for a button: busy buttons stay focusable (aria-disabled); unavailable ones are disabled. */
  readonly off: (unavailable: boolean) => { disabled?: boolean; disabledFocusable?: boolean };
}

/** 新建自评表, 生成下年度模板 (from the form on show), 从申报表生成自评表 (rules.md §7.3), 新建部门整体自评表. */
export function TemplatesScreen({ slice, onMake, off }: TemplatesScreenProps) {
  const s = useStyles();
  return (
    <div className={s.actions} role="toolbar" aria-label={T.templates}>
      <Button size="small" onClick={() => onMake("new")} {...off(false)}>
        {T.newTemplate}
      </Button>
      <Button size="small" onClick={() => onMake("nextYear")} {...off(!slice.canNextYear)}>
        {T.nextYearTemplate}
      </Button>
      <Button size="small" onClick={() => onMake("fromDeclaration")} {...off(!slice.canNextYear)}>
        {T.fromDeclarationTemplate}
      </Button>
      <Button size="small" onClick={() => onMake("department")} {...off(false)}>
        {T.departmentTemplate}
      </Button>
    </div>
  );
}
