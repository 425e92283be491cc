import { normalizeProse } from "../../grid/normalizeLabel";
import { Finding } from "../codes";
import { makeFinding } from "../makeFinding";
import { Check } from "./check";

/** GOAL_MISSING and GOAL_ACTUAL_COPIED on the 年度总体目标 block. */
export const goalChecks: Check = (form) => {
  const { expected, actual } = form.model.goal;
  const out: Finding[] = [];
  if (expected && expected.text === "") out.push(makeFinding("GOAL_MISSING", [expected.cell], { which: "预期目标" }));
  if (actual && actual.text === "") out.push(makeFinding("GOAL_MISSING", [actual.cell], { which: "实际完成情况" }));
  if (expected && actual && expected.text !== "" && normalizeProse(expected.text) === normalizeProse(actual.text)) {
    out.push(makeFinding("GOAL_ACTUAL_COPIED", [actual.cell, expected.cell]));
  }
  return out;
};
