// At-most-once sending against a real SMTP server (the mail sink): the claim runs while the server
// holds the whole message but has not accepted it, so a claim that fails or is lost to another
// sender leaves the server with nothing.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sendMailAtMostOnce } from "./send-mail";

async function inbox(to: string): Promise<Array<{ subject: string }>> {
  const res = await fetch(`${process.env.MAIL_SINK_URL}/messages?to=${encodeURIComponent(to)}`);
  return (await res.json()) as Array<{ subject: string }>;
}
const address = () => `once-${randomBytes(4).toString("hex")}@example.cn`;

describe("sendMailAtMostOnce", () => {
  it("claims while the server holds the message unaccepted, then delivers it once", async () => {
    const to = address();
    const seenAtClaim: number[] = [];
    const outcome = await sendMailAtMostOnce(
      { to, subject: "一次", text: "正文" },
      async () => {
        seenAtClaim.push((await inbox(to)).length);
        return true;
      },
      async () => undefined,
    );
    expect(outcome).toBe("sent");
    expect(seenAtClaim).toEqual([0]);
    expect((await inbox(to)).map((m) => m.subject)).toEqual(["一次"]);
  });

  it("abandons the message when another sender claimed it", async () => {
    const to = address();
    expect(
      await sendMailAtMostOnce(
        { to, subject: "lost race", text: "b" },
        async () => false,
        async () => undefined,
      ),
    ).toBe("claimed-elsewhere");
    expect(await inbox(to)).toEqual([]);
  });

  it("abandons the message and fails when the claim cannot be recorded (the retry sends it)", async () => {
    const to = address();
    let released = false;
    await expect(
      sendMailAtMostOnce(
        { to, subject: "db down", text: "b" },
        async () => {
          throw new Error("database unavailable");
        },
        async () => {
          released = true;
        },
      ),
    ).rejects.toThrow(/database unavailable/);
    expect(released).toBe(false);
    // The server saw the connection drop in the middle of the message and kept nothing.
    expect(await inbox(to)).toEqual([]);
    expect(
      await sendMailAtMostOnce(
        { to, subject: "retry", text: "b" },
        async () => true,
        async () => undefined,
      ),
    ).toBe("sent");
    expect((await inbox(to)).map((m) => m.subject)).toEqual(["retry"]);
  });
});
