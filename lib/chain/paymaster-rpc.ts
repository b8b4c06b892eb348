import { numberToHex, type Hex } from "viem";
import { formatUserOperation, type RpcUserOperation } from "viem/account-abstraction";
import { z } from "zod";
import { SponsorshipRefusedError, type PaymasterFields, type SponsorshipSigner } from "./paymaster.ts";

/**
 * ERC-7677 over JSON-RPC (pm_getPaymasterStubData, pm_getPaymasterData) for a SponsorshipSigner, so the sponsorship
 * service can run apart from the code that builds operations (viem: createPaymasterClient({ transport: http(url) })).
 * Mount it in a route handler: `Response.json(await handlePaymasterRpc(signer, await request.json(), context))`.
 * The ERC-7677 `context` sent by the client is ignored in favour of the server's, which it derives from the session.
 */

const hex = z.string().regex(/^0x[0-9a-fA-F]*$/);
const requestSchema = z.object({
  jsonrpc: z.literal("2.0"),
  id: z.union([z.string(), z.number(), z.null()]),
  method: z.enum(["pm_getPaymasterStubData", "pm_getPaymasterData"]),
  params: z.tuple([z.record(z.string(), z.unknown()), hex, hex]).rest(z.unknown()),
});

export type JsonRpcResponse =
  | { jsonrpc: "2.0"; id: string | number | null; result: Record<string, Hex> }
  | { jsonrpc: "2.0"; id: string | number | null; error: { code: number; message: string; data?: unknown } };

/** Sponsorship refused: ERC-7677 leaves the code open; -32000 is JSON-RPC's first server-defined code. */
export const REFUSED_CODE = -32000;

export async function handlePaymasterRpc(signer: SponsorshipSigner, body: unknown, context?: unknown): Promise<JsonRpcResponse> {
  const id = typeof body === "object" && body && "id" in body ? (body.id as string | number | null) : null;
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    const unknownMethod = typeof body === "object" && body && "method" in body && parsed.error.issues.some((i) => i.path[0] === "method");
    return unknownMethod
      ? { jsonrpc: "2.0", id, error: { code: -32601, message: "method not found" } }
      : { jsonrpc: "2.0", id, error: { code: -32602, message: "invalid params" } };
  }
  const [rpcUserOp, entryPointAddress, chainId] = parsed.data.params;
  const parameters = {
    ...formatUserOperation(rpcUserOp as unknown as RpcUserOperation),
    entryPointAddress,
    chainId: Number(BigInt(chainId)),
    context,
  };
  try {
    const fields =
      parsed.data.method === "pm_getPaymasterStubData"
        ? await signer.getPaymasterStubData(parameters as Parameters<SponsorshipSigner["getPaymasterStubData"]>[0])
        : await signer.getPaymasterData(parameters as Parameters<SponsorshipSigner["getPaymasterData"]>[0]);
    return { jsonrpc: "2.0", id, result: toRpc(fields) };
  } catch (error) {
    if (error instanceof SponsorshipRefusedError) {
      return { jsonrpc: "2.0", id, error: { code: REFUSED_CODE, message: error.message, data: { reason: error.reason } } };
    }
    throw error;
  }
}

function toRpc(fields: PaymasterFields): Record<string, Hex> {
  const result: Record<string, Hex> = {
    paymaster: fields.paymaster,
    paymasterData: fields.paymasterData,
    paymasterPostOpGasLimit: numberToHex(fields.paymasterPostOpGasLimit),
  };
  if (fields.paymasterVerificationGasLimit !== undefined) {
    result.paymasterVerificationGasLimit = numberToHex(fields.paymasterVerificationGasLimit);
  }
  return result;
}
