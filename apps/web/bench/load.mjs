// The load generator, run as its own process: GETs one URL with autocannon and prints the result
// as one JSON line.  argv: <url> <seconds> <connections> [cookie]
import autocannon from "autocannon";

const [url, seconds = "10", connections = "8", cookie] = process.argv.slice(2);

const result = await autocannon({
  url,
  method: "GET",
  connections: Number(connections),
  duration: Number(seconds),
  headers: cookie ? { cookie, "x-trpc-source": "bench" } : {},
});
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  })}\n`,
);
