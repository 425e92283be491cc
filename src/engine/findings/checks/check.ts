import { ScoredForm } from "../../score/scoreForm";
import { Finding } from "../codes";

/** One rule of rules.md §4: a pure function from a scored form to its findings. */
export type Check = (form: ScoredForm) => Finding[];
