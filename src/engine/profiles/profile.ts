import { RoundingMode } from "../number/decimal";

export type Grade = "优" | "良" | "中" | "差";

/** Every scoring rule whose text varies between finance bureaus is a setting here, never a constant in code. */
export interface Profile {
  readonly id: string;
  readonly name: string;
  /** How every 2-decimal result is rounded (the seed forms truncate: 93.7756 → 93.77). */
  readonly rounding: RoundingMode;
  /** The 预算执行 分数 the form should carry. */
  readonly budgetWeight: string;
  /** Standard totals of the 一级 indicators. */
  readonly level1Weights: { readonly output: string; readonly benefit: string; readonly satisfaction: string };
  /** A missed ≤ target: 分值 × target / actual (`ratio`) or 分值 × (1 − overshoot / target) (`linear`). */
  readonly reverseScoring: "ratio" | "linear";
  /** Lower bounds (share of 分值) of the qualitative bands 达成 and 部分达成; 未达成 is below. */
  readonly qualitativeBands: { readonly achieved: string; readonly partial: string };
  /** Grade thresholds, highest first; a total below the last is 差. */
  readonly gradeBands: readonly { readonly grade: Exclude<Grade, "差">; readonly min: string }[];
  /** 执行率 below this is LOW_EXECUTION. */
  readonly lowExecutionRate: string;
  /** An actual at or above this multiple of a forward target wants an explanation. */
  readonly overachieveFactor: string;
  /** Points a 成本指标 in % may differ from the 执行率. */
  readonly costTolerance: string;
}

const PUTUO_2023: Profile = Object.freeze({
  id: "putuo-2023",
  name: "普陀区 2023（截尾）",
  rounding: "truncate",
  budgetWeight: "10",
  level1Weights: Object.freeze({ output: "50", benefit: "30", satisfaction: "10" }),
  reverseScoring: "ratio",
  qualitativeBands: Object.freeze({ achieved: "0.8", partial: "0.6" }),
  gradeBands: Object.freeze([
    Object.freeze({ grade: "优", min: "90" }),
    Object.freeze({ grade: "良", min: "80" }),
    Object.freeze({ grade: "中", min: "60" }),
  ]),
  lowExecutionRate: "90",
  overachieveFactor: "1.2",
  costTolerance: "1",
} as const);

const MOF_2020: Profile = Object.freeze({
  ...PUTUO_2023,
  id: "mof-2020",
  name: "财预〔2020〕10号（四舍五入）",
  rounding: "halfUp",
});

export const PROFILES: Readonly<Record<string, Profile>> = Object.freeze({
  [PUTUO_2023.id]: PUTUO_2023,
  [MOF_2020.id]: MOF_2020,
});

export const DEFAULT_PROFILE_ID = PUTUO_2023.id;

export function getProfile(id: string = DEFAULT_PROFILE_ID): Profile | undefined {
  return PROFILES[id];
}

/** A profile with some settings changed by the user. */
export function customizeProfile(base: Profile, changes: Partial<Profile>): Profile {
  return Object.freeze({ ...base, ...changes });
}
