/**
 * Every outbox operation has its own ERC-4337 nonce key (the 192-bit "key" half of a v0.7 nonce) with sequence 0:
 * the EntryPoint accepts nonce (key, 0) once and never again, so an operation can be re-sent after any crash and
 * still execute at most once. The key is the op's UUID read as a 128-bit number.
 */
export function nonceKeyOf(opId: string): bigint {
  const hex = opId.replace(/-/g, "");
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${opId}`);
  return BigInt(`0x${hex}`);
}

/** The full uint256 nonce: key in the high 192 bits, sequence 0 in the low 64. */
export function nonceOf(key: bigint): bigint {
  return key << 64n;
}
