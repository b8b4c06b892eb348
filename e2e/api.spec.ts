import { expect, test } from "./support/test";

test("GET /api/health reports every dependency and is public", async ({ request }) => {
  const response = await request.get("/api/health");
  const body = (await response.json()) as { status: string; dependencies: { name: string; up: boolean }[] };
  expect(body.dependencies.map((d) => d.name)).toEqual(expect.arrayContaining(["database", "chain", "bundler"]));
  expect(response.status()).toBe(body.dependencies.every((d) => d.up) ? 200 : 503);
  expect(body.dependencies.find((d) => d.name === "database")?.up).toBe(true);
});
