import { Check } from "./check";
import * as funds from "./fundsChecks";
import * as goal from "./goalChecks";
import * as indicators from "./indicatorChecks";
import { negativeNumbers } from "./negativeNumbers";
import * as structure from "./structureChecks";
import * as total from "./totalChecks";
import * as declaration from "./declarationChecks";
import { FormKind, isDeclaration } from "../../locate/layout";

/** Every check, in the order findings are reported: structure, funds, indicators, total, goal. */
export const CHECKS: readonly Check[] = [
  structure.fieldMissing,
  structure.headerUnrecognized,
  structure.valueNotNumber,
  negativeNumbers,
  funds.totalAmountMissing,
  funds.fundsSumMismatch,
  funds.tasksSum,
  funds.breakdownsSum,
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

/** The 目标审核 of a 申报表 / 目标表 (rules.md §7.2): no 实际完成值, 得分 or 总分 to check, targets to judge. */
export const DECLARATION_CHECKS: readonly Check[] = [
  structure.fieldMissing,
  structure.headerUnrecognized,
  declaration.declaredAmounts,
  declaration.declaredFundsSum,
  declaration.declaredValueMissing,
  declaration.level1Missing,
  indicators.level2Invalid,
  indicators.missingSatisfaction,
  indicators.targetTrivial,
  indicators.targetUnparseable,
  indicators.targetNotQuantified,
  declaration.declaredCostAboveFunds,
  declaration.declaredGoal,
];

/** The checks of a form of this kind. */
export const checksFor = (kind: FormKind): readonly Check[] => (isDeclaration(kind) ? DECLARATION_CHECKS : CHECKS);
