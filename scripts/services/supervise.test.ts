import { describe, expect, it } from "vitest";
import { restartDelay, supervise } from "./supervise";
import { startProcess } from "./util";

const node = (code: string) => () => startProcess("child", process.execPath, ["-e", code], { output: "ignore" });

function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

describe("restartDelay", () => {
  it("doubles from the initial delay up to the maximum", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => restartDelay(n))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });
});

describe("supervise", () => {
  it("restarts a child that exits on its own, backing off, and gives up after too many in a row", async () => {
    const restarts: Array<{ exit: string; delayMs: number }> = [];
    let gaveUp: { exit: string; restarts: number } | undefined;
    const sup = supervise("crasher", node("process.exit(70)"), {
      initialDelayMs: 20,
      maxDelayMs: 80,
      maxRestarts: 4,
      onRestart: ({ exit, delayMs }) => restarts.push({ exit, delayMs }),
      onGiveUp: (info) => void (gaveUp = info),
    });
    try {
      await waitFor(() => gaveUp !== undefined, "the supervisor to give up");
      expect(restarts).toEqual([20, 40, 80, 80].map((delayMs) => ({ exit: "code 70", delayMs })));
      expect(gaveUp).toEqual({ exit: "code 70", restarts: 4 });
      expect(sup.restarts()).toBe(4);
    } finally {
      await sup.stop(0);
    }
  });

  it("starts the backoff again after a run that lasted (a healthy run)", async () => {
    const delays: number[] = [];
    const sup = supervise("flaky", node("setTimeout(() => process.exit(1), 150)"), {
      initialDelayMs: 10,
      healthyAfterMs: 100,
      onRestart: ({ delayMs }) => delays.push(delayMs),
    });
    try {
      await waitFor(() => delays.length >= 3, "three restarts");
      expect(delays.slice(0, 3)).toEqual([10, 10, 10]);
    } finally {
      await sup.stop(0);
    }
  });

  it("does not restart a child it was asked to stop", async () => {
    let restarted = 0;
    const sup = supervise("long", node("setInterval(() => {}, 1000)"), { initialDelayMs: 10, onRestart: () => restarted++ });
    const first = sup.current();
    await sup.stop(2_000);
    expect(first.exited()).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(restarted).toBe(0);
    expect(sup.current()).toBe(first);
  });
});
