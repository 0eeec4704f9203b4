"use client";
import { Question } from "./question";
import type { StepProps } from "./step-props";

// Step 2: what was tried and why it was not enough.
export function TriedStep(props: StepProps) {
  return <Question {...props} name="triedSoFar" rows={5} />;
}
