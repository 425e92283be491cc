import { Grade, Profile } from "../profiles/profile";
import { D, Dec } from "../number/decimal";
import { GRADE_WORDS } from "../vocabulary";
import { normalizeLabel } from "../grid/normalizeLabel";

/**
 * 评分等级 of a 总分 by the profile's bands.
 * @example gradeFor(new D("96.37"), profile) //=> "优"
 */
export function gradeFor(total: Dec, profile: Profile): Grade {
  for (const band of profile.gradeBands) if (total.greaterThanOrEqualTo(new D(band.min))) return band.grade;
  return "差";
}

/** The grade a cell shows (`优`, `优秀`, ` 良 `), or null when it is none of them. */
export function readGrade(text: string): Grade | null {
  return GRADE_WORDS[normalizeLabel(text)] ?? null;
}
