import { Button, Field, makeStyles, Radio, RadioGroup, Select, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { SettingsSlice } from "../slices";
import { T } from "../strings";

const useStyles = makeStyles({
  ask: { display: "flex", flexDirection: "column", gap: "8px", padding: "10px", borderRadius: tokens.borderRadiusMedium, border: `2px solid ${tokens.colorBrandStroke1}` },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  line: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  select: { minWidth: 0, maxWidth: "100%" },
});

export interface SettingsScreenProps {
  readonly slice: SettingsSlice;
  readonly onChoose: (id: string) => void;
}

/**
 * 评分方案: asked on first use (the national one first, each with a line on what differs), then a choice that says
 * where the one in use came from (the workbook's own, or the one remembered in this browser).
 */
export function SettingsScreen({ slice, onChoose }: SettingsScreenProps) {
  const s = useStyles();
  const [picked, setPicked] = useState(slice.options[0]?.id ?? "");
  if (slice.asking) {
    return (
      <section className={s.ask} aria-labelledby="profile-ask-title" data-testid="profile-ask">
        <h2 id="profile-ask-title" className={s.title}>{T.profileAsk.title}</h2>
        <p className={s.hint}>{T.profileAsk.hint}</p>
        <RadioGroup value={picked} onChange={(_, d) => setPicked(d.value)} aria-labelledby="profile-ask-title">
          {slice.options.map((o) => (
            <Radio key={o.id} value={o.id} label={<span>{o.name}<span className={s.line}>{o.line}</span></span>} />
          ))}
        </RadioGroup>
        <Button appearance="primary" onClick={() => picked && onChoose(picked)}>
          {T.profileAsk.confirm}
        </Button>
      </section>
    );
  }
  const current = slice.options.find((o) => o.id === slice.profileId);
  const from = slice.from ? T.profileFrom[slice.from] : "";
  return (
    <Field label={T.profile} hint={[from, current?.line].filter(Boolean).join("：")}>
      <Select className={s.select} value={slice.profileId} onChange={(_, d) => onChoose(d.value)} aria-disabled={slice.busy || undefined} data-testid="profile">
        {slice.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
