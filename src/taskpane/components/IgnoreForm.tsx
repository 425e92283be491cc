import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { FormEvent, useId, useState } from "react";
import { T } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    margin: "0 0 8px",
    padding: "8px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  buttons: { display: "flex", gap: "6px" },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, margin: 0 },
});

export interface IgnoreFormProps {
  /** The finding's message, so the form says what is being accepted. */
  readonly message: string;
  /** The name typed last time (remembered by the pane), to fill 填写人. */
  readonly by: string;
  /** Save the decision; resolves to a Chinese message when it could not be saved, null when it was. */
  readonly onSubmit: (reason: string, by: string) => Promise<string | null>;
  readonly onCancel: () => void;
}

/** 忽略 with a reason: a required 理由 and an optional 填写人; nothing is saved without a reason. */
export function IgnoreForm({ message, by: lastBy, onSubmit, onCancel }: IgnoreFormProps) {
  const s = useStyles();
  const id = useId();
  const [reason, setReason] = useState("");
  const [by, setBy] = useState(lastBy);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === "") {
      setError(T.ignore.reason);
      return;
    }
    setSaving(true);
    const refused = await onSubmit(reason.trim(), by.trim());
    setSaving(false);
    if (refused) setError(refused);
  };
  return (
    <form className={s.root} onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-legend`} data-testid="ignore-form">
      <span id={`${id}-legend`} className={s.legend}>{T.ignore.legend}</span>
      <span>{message}</span>
      <Field label={T.ignore.reason} required validationMessage={error ?? undefined}>
        <Input value={reason} placeholder={T.ignore.reasonPlaceholder} onChange={(_, d) => setReason(d.value)} autoFocus data-testid="ignore-reason" />
      </Field>
      <Field label={T.ignore.by}>
        <Input value={by} onChange={(_, d) => setBy(d.value)} data-testid="ignore-by" />
      </Field>
      <div className={s.buttons}>
        <Button type="submit" appearance="primary" size="small" disabled={saving}>
          {saving ? T.ignore.saving : T.ignore.confirm}
        </Button>
        <Button type="button" size="small" onClick={onCancel}>
          {T.ignore.cancel}
        </Button>
      </div>
    </form>
  );
}
