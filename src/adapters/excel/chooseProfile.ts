import { resolveProfile } from "../../engine";
import { failure } from "./failures";

/**
 * The 评分方案 an operation uses: the one chosen in the pane, else the workbook's (its store sheet, then its settings),
 * else the default; one that cannot be used is PROFILE_INVALID with the reason and what to do.
 */
export function chooseProfile(chosen: string | undefined, stored: string | null, setting: string | null) {
  const resolved = resolveProfile(chosen ?? stored ?? setting ?? undefined);
  return resolved.ok ? resolved : failure("PROFILE_INVALID", `${resolved.message}。请在面板中重新选择评分方案。`);
}
