import { describe, expect, it } from "vitest";
import { custom, encodeFunctionData, keccak256, toHex, type Address } from "viem";
import { createPaymasterClient, entryPoint07Address } from "viem/account-abstraction";
import { consentRegistryAbi } from "./abi/index.ts";
import { createSponsorshipSigner, type SponsorshipPolicy } from "./paymaster.ts";
import { handlePaymasterRpc, REFUSED_CODE } from "./paymaster-rpc.ts";
import { safe4337ModuleAbi } from "./safe-calls.ts";

const paymaster: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const signerFor = (policy: SponsorshipPolicy<{ userId: string }>) =>
  createSponsorshipSigner({
    signerKey: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
    paymaster,
    entryPoint: entryPoint07Address,
    chainId: 31337,
    policy,
    now: () => 1_700_000_000,
  });
const op = {
  sender: "0x69d8B4CBC3ddEE50b04dF63cFc0DED8d357DF6DE" as Address,
  nonce: 3n,
  callData: encodeFunctionData({
    abi: safe4337ModuleAbi,
    functionName: "executeUserOpWithErrorString",
    args: [
      "0x1000000000000000000000000000000000000001",
      0n,
      encodeFunctionData({ abi: consentRegistryAbi, functionName: "revoke", args: ["0x000000000000000000000000000000000000dEaD", keccak256(toHex("x"))] }),
      0,
    ],
  }),
  callGasLimit: 100_000n,
  verificationGasLimit: 300_000n,
  preVerificationGas: 50_000n,
  maxFeePerGas: 2n,
  maxPriorityFeePerGas: 1n,
  paymasterVerificationGasLimit: 40_000n,
  paymasterPostOpGasLimit: 0n,
};

/** A viem paymaster client whose transport calls the handler directly, as an HTTP route would. */
const clientFor = (policy: SponsorshipPolicy<{ userId: string }>, context: { userId: string }) => {
  const signer = signerFor(policy);
  return createPaymasterClient({
    transport: custom({
      async request({ method, params }) {
        const response = await handlePaymasterRpc(signer, { jsonrpc: "2.0", id: 1, method, params }, context);
        if ("error" in response) throw Object.assign(new Error(response.error.message), { code: response.error.code });
        return response.result;
      },
    }),
  });
};

describe("ERC-7677 JSON-RPC", () => {
  it("returns over RPC exactly what the signer returns in-process, with the server's context", async () => {
    const seen: unknown[] = [];
    const policy: SponsorshipPolicy<{ userId: string }> = async (_op, ctx, phase) => (seen.push([ctx, phase]), { allowed: true });
    const viaRpc = await clientFor(policy, { userId: "u1" }).getPaymasterData({ ...op, chainId: 31337, entryPointAddress: entryPoint07Address });
    const direct = await signerFor(policy).getPaymasterData({ ...op, chainId: 31337, entryPointAddress: entryPoint07Address, context: undefined });
    expect(viaRpc).toEqual(direct);
    expect(seen[0]).toEqual([{ userId: "u1" }, "sign"]);
  });

  it("answers a refusal with a JSON-RPC error carrying the reason", async () => {
    const signer = signerFor(async () => ({ allowed: false, reason: "no budget" }));
    const rpcOp = { sender: op.sender, nonce: "0x3", callData: op.callData, callGasLimit: "0x0", verificationGasLimit: "0x0", preVerificationGas: "0x0" };
    const response = await handlePaymasterRpc(signer, { jsonrpc: "2.0", id: 7, method: "pm_getPaymasterStubData", params: [rpcOp, entryPoint07Address, "0x7a69", {}] });
    expect(response).toEqual({ jsonrpc: "2.0", id: 7, error: { code: REFUSED_CODE, message: "sponsorship refused: no budget", data: { reason: "no budget" } } });
  });

  it("rejects unknown methods and malformed params", async () => {
    const signer = signerFor(async () => ({ allowed: true }));
    expect(await handlePaymasterRpc(signer, { jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] })).toMatchObject({ error: { code: -32601 } });
    expect(await handlePaymasterRpc(signer, { jsonrpc: "2.0", id: 1, method: "pm_getPaymasterData", params: [] })).toMatchObject({ error: { code: -32602 } });
  });
});
