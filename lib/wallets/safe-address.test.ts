import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { isAddress } from "viem";
import { counterfactualSafeAddress, SAFE_PROXY_CREATION_CODE_141 } from "./safe-address";

const require = createRequire(import.meta.url);

describe("counterfactualSafeAddress", () => {
  it("uses the SafeProxy creation code of @safe-global/safe-contracts 1.4.1", () => {
    const artifact = require.resolve("@safe-global/safe-contracts/build/artifacts/contracts/proxies/SafeProxy.sol/SafeProxy.json");
    expect(SAFE_PROXY_CREATION_CODE_141).toBe((JSON.parse(readFileSync(artifact, "utf8")) as { bytecode: string }).bytecode);
  });

  it("computes a stable address per owner without a chain", async () => {
    const a = await counterfactualSafeAddress("0x1111111111111111111111111111111111111111", 31337);
    expect(isAddress(a)).toBe(true);
    expect(await counterfactualSafeAddress("0x1111111111111111111111111111111111111111", 31337)).toBe(a);
    expect(await counterfactualSafeAddress("0x2222222222222222222222222222222222222222", 31337)).not.toBe(a);
  });
});
