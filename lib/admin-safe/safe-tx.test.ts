import { describe, expect, it } from "vitest";
import { recoverTypedDataAddress, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { packSignatures, safeTxHash, safeTxTypedData, signSafeTx } from "./safe-tx";

const KEYS: Hex[] = [
  "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
  "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
];
const opts = { safe: "0x00000000000000000000000000000000000000aa" as const, chainId: 31337, call: { to: "0x00000000000000000000000000000000000000bb" as const, value: 0n, data: "0x8456cb59" as Hex }, nonce: 7n };

describe("Safe transactions signed one owner at a time", () => {
  it("each owner's signature recovers to that owner over the SafeTx", async () => {
    for (const key of KEYS) {
      const { owner, signature } = await signSafeTx(key, opts);
      expect(owner).toBe(privateKeyToAccount(key).address);
      expect(await recoverTypedDataAddress({ ...safeTxTypedData(opts), signature })).toBe(owner);
    }
  });

  it("the hash changes with the nonce, so a signature is for one place in the Safe's order", () => {
    expect(safeTxHash(opts)).not.toBe(safeTxHash({ ...opts, nonce: 8n }));
    expect(safeTxHash(opts)).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it("packs signatures in ascending owner order, whatever order they were collected in", async () => {
    const signed = await Promise.all(KEYS.map((k) => signSafeTx(k, opts)));
    const ascending = [...signed].sort((a, b) => (BigInt(a.owner) < BigInt(b.owner) ? -1 : 1));
    const expected = `0x${ascending.map((s) => s.signature.slice(2)).join("")}`;
    expect(packSignatures(signed)).toBe(expected);
    expect(packSignatures([...signed].reverse())).toBe(expected);
    expect((packSignatures(signed).length - 2) / 2).toBe(130);
  });
});
