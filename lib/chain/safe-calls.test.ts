import { describe, expect, it } from "vitest";
import { createPublicClient, encodeFunctionData, encodePacked, http, concat, type Hex } from "viem";
import { entryPoint07Address } from "viem/account-abstraction";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { toSafeSmartAccount } from "permissionless/accounts";
import { decodeSafeCalls, encodeMultiSendCallOnly, MULTI_SEND_CALL_ONLY_141, multiSendAbi, safe4337ModuleAbi, SafeCallDecodeError } from "./safe-calls.ts";

// No network: with its address given, a Safe account encodes calls without asking the chain anything.
const offlineSafe = () =>
  toSafeSmartAccount({
    client: createPublicClient({ chain: foundry, transport: http("http://127.0.0.1:9") }),
    owners: [privateKeyToAccount("0x0000000000000000000000000000000000000000000000000000000000000001")],
    version: "1.4.1",
    entryPoint: { address: entryPoint07Address, version: "0.7" },
    address: "0x3333333333333333333333333333333333333333",
  });

const a = { to: "0x1111111111111111111111111111111111111111", value: 0n, data: "0xdeadbeef" } as const;
const b = { to: "0x2222222222222222222222222222222222222222", value: 5n, data: "0x" } as const;

const packCall = (op: number, to: Hex, value: bigint, data: Hex) =>
  encodePacked(["uint8", "address", "uint256", "uint256", "bytes"], [op, to, value, BigInt((data.length - 2) / 2), data]);

describe("decodeSafeCalls", () => {
  it("round-trips a single call encoded by permissionless", async () => {
    const safe = await offlineSafe();
    const callData = await safe.encodeCalls([a]);
    expect(decodeSafeCalls(callData)).toEqual([{ to: a.to, value: 0n, data: a.data }]);
  });

  it("round-trips a MultiSendCallOnly batch encoded by permissionless", async () => {
    const safe = await offlineSafe();
    const callData = await safe.encodeCalls([a, b]);
    expect(decodeSafeCalls(callData)).toEqual([
      { to: a.to, value: 0n, data: a.data },
      { to: b.to, value: 5n, data: "0x" },
    ]);
  });

  it("round-trips its own MultiSendCallOnly encoding", () => {
    const batch = encodeMultiSendCallOnly([a, b]);
    const callData = encodeFunctionData({ abi: safe4337ModuleAbi, functionName: "executeUserOp", args: [MULTI_SEND_CALL_ONLY_141, 0n, batch, 1] });
    expect(decodeSafeCalls(callData)).toEqual([a, b]);
  });

  it("reads executeUserOp as well as executeUserOpWithErrorString", () => {
    const callData = encodeFunctionData({ abi: safe4337ModuleAbi, functionName: "executeUserOp", args: [a.to, 1n, a.data, 0] });
    expect(decodeSafeCalls(callData)).toEqual([{ to: a.to, value: 1n, data: a.data }]);
  });

  it("refuses a delegatecall to anything but MultiSendCallOnly", () => {
    const callData = encodeFunctionData({ abi: safe4337ModuleAbi, functionName: "executeUserOp", args: [a.to, 0n, a.data, 1] });
    expect(() => decodeSafeCalls(callData)).toThrow(/delegatecall to .* is not allowed/);
  });

  it("refuses a batch that contains a delegatecall", () => {
    const batch = encodeFunctionData({ abi: multiSendAbi, functionName: "multiSend", args: [concat([packCall(0, a.to, 0n, a.data), packCall(1, b.to, 0n, "0x")])] });
    const callData = encodeFunctionData({ abi: safe4337ModuleAbi, functionName: "executeUserOp", args: [MULTI_SEND_CALL_ONLY_141, 0n, batch, 1] });
    expect(() => decodeSafeCalls(callData)).toThrow(/contains a delegatecall/);
  });

  it("refuses truncated batches and foreign call data", () => {
    const packed = packCall(0, a.to, 0n, a.data);
    const truncated = encodeFunctionData({ abi: multiSendAbi, functionName: "multiSend", args: [packed.slice(0, -2) as Hex] });
    const callData = encodeFunctionData({ abi: safe4337ModuleAbi, functionName: "executeUserOp", args: [MULTI_SEND_CALL_ONLY_141, 0n, truncated, 1] });
    expect(() => decodeSafeCalls(callData)).toThrow(SafeCallDecodeError);
    expect(() => decodeSafeCalls("0xa9059cbb")).toThrow(/not a Safe4337Module/);
  });
});
