import { describe, expect, it } from "vitest";
import { singleFlight } from "@/lib/single-flight";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("singleFlight", () => {
  it("shares one run between concurrent callers of a key, and runs again once it settled", async () => {
    const share = singleFlight<number>();
    let runs = 0;
    const d = deferred<number>();
    const run = () => (runs++, d.promise);
    const [a, b] = [share("n:1", run), share("n:1", run)];
    d.resolve(7);
    expect(await Promise.all([a, b])).toEqual([7, 7]);
    expect(runs).toBe(1);
    await share("n:1", async () => (runs++, 8));
    expect(runs).toBe(2);
  });

  it("keeps keys apart and forgets a failed run", async () => {
    const share = singleFlight<string>();
    const d = deferred<string>();
    const failing = share("n:1", () => d.promise);
    const other = share("n:2", async () => "other");
    d.reject(new Error("down"));
    await expect(failing).rejects.toThrow("down");
    expect(await other).toBe("other");
    expect(await share("n:1", async () => "again")).toBe("again");
  });
});
