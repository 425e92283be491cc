import { Grade, Profile } from "../profiles/profile";
import { D, Dec } from "../number/decimal";
import { readGrade } from "../vocabulary/words";

export { readGrade };

/**
 * 评分等级 of a 总分 by the profile's bands.
 * @example gradeFor(new D("96.37"), profile) //=> "优"
 */
export function gradeFor(total: Dec, profile: Profile): Grade {
  for (const band of profile.gradeBands) if (total.greaterThanOrEqualTo(new D(band.min))) return band.grade;
  return "差";
}

