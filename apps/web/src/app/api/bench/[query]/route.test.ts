// The benchmark's bare route exists only when BENCH_BASELINE_ROUTES=1 (never in production).
it("answers 404 unless the benchmark turned it on", async () => {
  delete process.env.BENCH_BASELINE_ROUTES;
  const { GET } = await import("./route.ts");
  const res = await GET(new Request("http://localhost/api/bench/leads-list?workspaceId=x"), {
    params: Promise.resolve({ query: "leads-list" }),
  });
  expect(res.status).toBe(404);
});
