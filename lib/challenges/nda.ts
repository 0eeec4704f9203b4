import "server-only";
import { recordAudit } from "@/lib/access/record-audit";
import { sha256Hex } from "@/lib/access/nda-text";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { loadChallenge, permit } from "./load";

// The NDA in front of a CONFIDENTIAL challenge's details. A call wants many solvers, so accepting
// it opens the details at once (no owner approval, unlike a confidential need); the acceptance is
// recorded with the text's hash, time and IP, and audited.
export const CHALLENGE_NDA_TEXT = `保密协议（技术桥揭榜挂帅标准文本）

1. 接收方仅可为评估及申报本榜单之目的使用榜单的保密信息（问题描述、验收指标、资格条件）。
2. 未经发榜方书面同意，接收方不得向任何第三方披露、复制或公开保密信息，亦不得据此申请专利。
3. 保密义务自接受之日起生效，并在榜单结束后继续有效三年。

Non-disclosure agreement (TechBridge challenge standard text)

1. The recipient uses the confidential information of this challenge (problem, acceptance indicators, eligibility) only to evaluate and apply to it.
2. Without the sponsor's written consent the recipient shall not disclose, copy or publish it, nor file patents based on it.
3. The duty of confidentiality takes effect on acceptance and lasts three years after the challenge ends.`;

export const CHALLENGE_NDA_SHA256 = sha256Hex(CHALLENGE_NDA_TEXT);

export async function acceptChallengeNda(actor: Actor, challengeId: string, ip: string | null): Promise<{ accepted: true }> {
  return prisma.$transaction(async (tx) => {
    const { facts } = await loadChallenge(tx, actor, challengeId);
    permit(actor, "challenge.acceptNda", facts);
    const created = await tx.challengeNdaAcceptance.createManyAndReturn({
      data: [{ challengeId, userId: actor.id, textSha256: CHALLENGE_NDA_SHA256, ip }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (created.length)
      await recordAudit(tx, {
        actorId: actor.id,
        action: "challenge.ndaAccept",
        subject: `challenge:${challengeId}`,
        detail: { sha256: CHALLENGE_NDA_SHA256 },
        ip,
      });
    return { accepted: true as const };
  });
}
