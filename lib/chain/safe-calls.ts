import {
  concat,
  decodeFunctionData,
  encodeFunctionData,
  encodePacked,
  getAddress,
  hexToBigInt,
  hexToNumber,
  isAddressEqual,
  parseAbi,
  size,
  slice,
  type Address,
  type Hex,
} from "viem";

/**
 * Reads back the calls a Safe user operation will make, so a sponsorship policy can judge what it is paying for.
 * The Safe4337Module executes `executeUserOp` / `executeUserOpWithErrorString(to, value, data, operation)`; for a batch,
 * permissionless delegatecalls MultiSendCallOnly with packed inner calls. Anything else is refused, in particular a
 * delegatecall to any other contract (it would run foreign code with the Safe's storage and funds).
 */

/** The canonical MultiSendCallOnly 1.4.1 (reproduced on local chains; see scripts/services/chain/canonical.ts). */
export const MULTI_SEND_CALL_ONLY_141: Address = "0x9641d764fc13c8B624c04430C7356C1C7C8102e2";

export const safe4337ModuleAbi = parseAbi([
  "function executeUserOp(address to, uint256 value, bytes data, uint8 operation)",
  "function executeUserOpWithErrorString(address to, uint256 value, bytes data, uint8 operation)",
]);
export const multiSendAbi = parseAbi(["function multiSend(bytes transactions)"]);

export interface SafeCall {
  to: Address;
  value: bigint;
  data: Hex;
}

export class SafeCallDecodeError extends Error {
  override name = "SafeCallDecodeError";
}

const CALL = 0;
const DELEGATECALL = 1;

export function decodeSafeCalls(callData: Hex, opts: { multiSendCallOnly?: Address } = {}): SafeCall[] {
  const multiSendCallOnly = opts.multiSendCallOnly ?? MULTI_SEND_CALL_ONLY_141;
  let args: readonly [Address, bigint, Hex, number];
  try {
    ({ args } = decodeFunctionData({ abi: safe4337ModuleAbi, data: callData }));
  } catch {
    throw new SafeCallDecodeError("call data is not a Safe4337Module executeUserOp call");
  }
  const [to, value, data, operation] = args;
  if (operation === CALL) return [{ to: getAddress(to), value, data }];
  if (operation !== DELEGATECALL || !isAddressEqual(to, multiSendCallOnly)) {
    throw new SafeCallDecodeError(`delegatecall to ${to} is not allowed (only MultiSendCallOnly batches)`);
  }
  if (value !== 0n) throw new SafeCallDecodeError("a MultiSend batch cannot carry value itself");
  let packed: Hex;
  try {
    ({ args: [packed] } = decodeFunctionData({ abi: multiSendAbi, data }));
  } catch {
    throw new SafeCallDecodeError("delegatecall data is not a multiSend batch");
  }
  return decodeMultiSendTransactions(packed);
}

/** multiSend(bytes) call data for MultiSendCallOnly (to be delegatecalled by a Safe). */
export function encodeMultiSendCallOnly(calls: readonly SafeCall[]): Hex {
  const packed = concat(
    calls.map((c) => encodePacked(["uint8", "address", "uint256", "uint256", "bytes"], [CALL, c.to, c.value, BigInt(size(c.data)), c.data])),
  );
  return encodeFunctionData({ abi: multiSendAbi, functionName: "multiSend", args: [packed] });
}

/** MultiSend packing per call: operation uint8 ‖ to address ‖ value uint256 ‖ dataLength uint256 ‖ data. */
export function decodeMultiSendTransactions(packed: Hex): SafeCall[] {
  const calls: SafeCall[] = [];
  const total = size(packed);
  let offset = 0;
  while (offset < total) {
    if (offset + 85 > total) throw new SafeCallDecodeError("truncated multiSend transaction header");
    const operation = hexToNumber(slice(packed, offset, offset + 1));
    if (operation !== CALL) throw new SafeCallDecodeError("multiSend batch contains a delegatecall");
    const to = getAddress(slice(packed, offset + 1, offset + 21));
    const value = hexToBigInt(slice(packed, offset + 21, offset + 53));
    const length = Number(hexToBigInt(slice(packed, offset + 53, offset + 85)));
    const end = offset + 85 + length;
    if (end > total) throw new SafeCallDecodeError("truncated multiSend transaction data");
    const data = length === 0 ? "0x" : slice(packed, offset + 85, end);
    calls.push({ to, value, data });
    offset = end;
  }
  if (calls.length === 0) throw new SafeCallDecodeError("empty multiSend batch");
  return calls;
}
