import { createHash } from "node:crypto";

// The platform's standard NDA, used when an owner makes a need confidential without writing
// their own. Bilingual: both parties read the same text whatever their language.
export const DEFAULT_NDA_TEXT = `保密协议（技术桥标准文本）

1. 接收方仅可为评估与需求方合作之目的使用本需求的保密信息。
2. 未经需求方书面同意，接收方不得向任何第三方披露、复制或公开保密信息，亦不得据此申请专利。
3. 访问授权到期或被撤销后，接收方应停止使用并删除其保存的保密信息。
4. 本协议自接受之日起生效，保密义务在访问结束后继续有效三年。

Non-disclosure agreement (TechBridge standard text)

1. The recipient uses the confidential information of this need only to evaluate a collaboration with its owner.
2. Without the owner's written consent the recipient shall not disclose, copy or publish it, nor file patents based on it.
3. When access expires or is revoked, the recipient stops using and deletes any copy of it.
4. This agreement takes effect on acceptance; the duty of confidentiality lasts three years after access ends.`;

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
