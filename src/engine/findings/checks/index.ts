import { Check } from "./check";
import * as funds from "./fundsChecks";
import * as goal from "./goalChecks";
import * as indicators from "./indicatorChecks";
import { negativeNumbers } from "./negativeNumbers";
import * as structure from "./structureChecks";
import * as total from "./totalChecks";

/** Every check, in the order findings are reported: structure, funds, indicators, total, goal. */
export const CHECKS: readonly Check[] = [
  structure.fieldMissing,
  structure.headerUnrecognized,
  structure.valueNotNumber,
  negativeNumbers,
  funds.fundsSumMismatch,
  funds.execRateMismatch,
  funds.execRateUndefined,
  funds.budgetScoreMismatch,
  funds.budgetVsExecuted,
  funds.budgetAdjusted,
  funds.lowExecution,
  funds.budgetWeightNonstandard,
  funds.amountUnitSuspect,
  indicators.valueMissing,
  indicators.level1HeadingMismatch,
  indicators.level1WeightNonstandard,
  indicators.level2Invalid,
  indicators.missingSatisfaction,
  indicators.scoreOutOfRange,
  indicators.scoreRuleMismatch,
  indicators.deviationMissing,
  indicators.scoreNeedsJudgement,
  indicators.overachievedUnexplained,
  indicators.targetTrivial,
  indicators.targetUnparseable,
  indicators.targetNotQuantified,
  indicators.unitMismatch,
  indicators.percentOutOfRange,
  indicators.costInconsistent,
  total.weightSumMismatch,
  total.totalMismatch,
  total.gradeMismatch,
  goal.goalChecks,
];
