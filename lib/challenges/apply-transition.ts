import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MaybeActor } from "@/lib/policy";
import { guardFailed, illegalMove, staleVersion } from "./errors";
import { checkMove, type Guard, type Machine, type StateOf } from "./transitions";

type Tx = Prisma.TransactionClient;

export type MachineRow<M extends Machine> = { id: string; challengeId: string; status: StateOf<M>; version: number };
type DataOf<M extends Machine> = M extends "challenge"
  ? Prisma.ChallengeUpdateManyMutationInput
  : M extends "application"
    ? Prisma.ChallengeApplicationUpdateManyMutationInput
    : Prisma.ChallengeMilestoneUpdateManyMutationInput;

export type Change<M extends Machine> = {
  /** The new state; omitted for a data-only write (e.g. a payment), which still bumps the version. */
  to?: StateOf<M>;
  /** Guards the caller has checked (the table's guard for the move must be among them). */
  met?: Guard[];
  note?: string | null;
  data?: DataOf<M>;
};

// THE one place a challenge, an application or a milestone changes. The move must be in the
// table (lib/challenges/transitions.ts) with its guard met; the `version` in the where clause
// makes a concurrent edit lose loudly (409 with the current state) instead of silently
// overwriting the winner; every state change writes a ChallengeEvent row (who, when, why).
// `actor` null: the scheduler (a deadline job).
export async function writeTransition<M extends Machine>(
  tx: Tx,
  actor: MaybeActor,
  machine: M,
  row: MachineRow<M>,
  expectedVersion: number,
  change: Change<M>,
): Promise<number> {
  if (expectedVersion !== row.version) throw staleVersion(machine, row);
  if (change.to !== undefined) {
    const check = checkMove(machine, row.status, change.to);
    if (!check.ok) throw illegalMove(machine, row.status, change.to, check.reason);
    if (check.guard && !(change.met ?? []).includes(check.guard)) throw guardFailed(check.guard);
  }
  const where = { id: row.id, version: expectedVersion };
  const data = { ...(change.data ?? {}), ...(change.to !== undefined ? { status: change.to } : {}), version: { increment: 1 } };
  const count =
    machine === "challenge"
      ? (await tx.challenge.updateMany({ where, data: data as Prisma.ChallengeUpdateManyMutationInput })).count
      : machine === "application"
        ? (await tx.challengeApplication.updateMany({ where, data: data as Prisma.ChallengeApplicationUpdateManyMutationInput })).count
        : (await tx.challengeMilestone.updateMany({ where, data: data as Prisma.ChallengeMilestoneUpdateManyMutationInput })).count;
  if (count === 0) {
    const select = { status: true, version: true } as const;
    const now =
      machine === "challenge"
        ? await tx.challenge.findUniqueOrThrow({ where: { id: row.id }, select })
        : machine === "application"
          ? await tx.challengeApplication.findUniqueOrThrow({ where: { id: row.id }, select })
          : await tx.challengeMilestone.findUniqueOrThrow({ where: { id: row.id }, select });
    throw staleVersion(machine, now);
  }
  if (change.to !== undefined) {
    await tx.challengeEvent.create({
      data: {
        challengeId: row.challengeId,
        machine,
        subjectId: row.id,
        fromState: row.status,
        toState: change.to,
        actorId: actor?.id ?? null,
        note: change.note || null,
      },
    });
  }
  return expectedVersion + 1;
}
