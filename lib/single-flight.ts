// Concurrent callers asking for the same key share one run; the entry is forgotten once the run
// settles (fulfilled or rejected), so a later call runs again. Pure (per process).
export function singleFlight<T>(): (key: string, run: () => Promise<T>) => Promise<T> {
  const pending = new Map<string, Promise<T>>();
  return (key, run) => {
    let p = pending.get(key);
    if (!p) {
      p = run().finally(() => pending.delete(key));
      pending.set(key, p);
    }
    return p;
  };
}
