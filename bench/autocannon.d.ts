// The parts of autocannon 8 (it ships no types) that bench/load.ts uses.
declare module "autocannon" {
  namespace autocannon {
    type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p99: number };
    type Request = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (req: Request, context: object) => Request;
    };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      timeout?: number;
      headers?: Record<string, string>;
      requests?: Request[];
    };
    type Result = {
      requests: Histogram & { total: number; sent: number };
      latency: Histogram & { totalCount: number };
      errors: number;
      timeouts: number;
      non2xx: number;
      duration: number;
    };
    /** Also an EventEmitter: "response" (client, statusCode, resBytes, responseTimeMs). */
    type Instance = Promise<Result> & { stop: () => void };
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
