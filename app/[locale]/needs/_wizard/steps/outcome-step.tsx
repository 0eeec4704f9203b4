"use client";
import { Question } from "./question";
import type { StepProps } from "./step-props";

// Step 3: the outcome wanted and how to tell that it was reached.
export function OutcomeStep(props: StepProps) {
  return (
    <>
      <Question {...props} name="desiredOutcome" rows={4} />
      <Question {...props} name="acceptanceCriteria" rows={4} />
    </>
  );
}
