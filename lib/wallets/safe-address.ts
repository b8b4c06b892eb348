import { createPublicClient, custom, encodeAbiParameters, type Address, type Hex } from "viem";
import { entryPoint07Address } from "viem/account-abstraction";
import { toAccount } from "viem/accounts";
import { toSafeSmartAccount } from "permissionless/accounts";

/**
 * A user's Safe address without asking the chain, so a wallet is made at sign-up even while the chain is down.
 * permissionless reads one value from the chain to compute it, SafeProxyFactory.proxyCreationCode(): the creation
 * code of Safe 1.4.1's SafeProxy, a constant (@safe-global/safe-contracts build artifact SafeProxy.json). This
 * answers that call locally. The worker derives the same account from the chain and checks the two agree.
 */
export const SAFE_PROXY_CREATION_CODE_141: Hex =
  "0x608060405234801561001057600080fd5b506040516101e63803806101e68339818101604052602081101561003357600080fd5b8101908080519060200190929190505050600073ffffffffffffffffffffffffffffffffffffffff168173ffffffffffffffffffffffffffffffffffffffff1614156100ca576040517f08c379a00000000000000000000000000000000000000000000000000000000081526004018080602001828103825260228152602001806101c46022913960400191505060405180910390fd5b806000806101000a81548173ffffffffffffffffffffffffffffffffffffffff021916908373ffffffffffffffffffffffffffffffffffffffff1602179055505060ab806101196000396000f3fe608060405273ffffffffffffffffffffffffffffffffffffffff600054167fa619486e0000000000000000000000000000000000000000000000000000000060003514156050578060005260206000f35b3660008037600080366000845af43d6000803e60008114156070573d6000fd5b3d6000f3fea264697066735822122003d1488ee65e08fa41e58e888a9865554c535f2c77126a82cb4c0f917f31441364736f6c63430007060033496e76616c69642073696e676c65746f6e20616464726573732070726f7669646564";

const PROXY_CREATION_CODE_SELECTOR = "0x53e5d935";

/** The address does not depend on the chain (CREATE2 from the canonical factory); chainId only feeds permissionless. */
export async function counterfactualSafeAddress(owner: Address, chainId = 1): Promise<Address> {
  const client = createPublicClient({
    transport: custom({
      async request({ method, params }: { method: string; params?: unknown }) {
        if (method === "eth_chainId") return `0x${chainId.toString(16)}`;
        const data = (params as [{ data?: Hex; input?: Hex }] | undefined)?.[0];
        const input = data?.data ?? data?.input;
        if (method === "eth_call" && input?.startsWith(PROXY_CREATION_CODE_SELECTOR)) {
          return encodeAbiParameters([{ type: "bytes" }], [SAFE_PROXY_CREATION_CODE_141]);
        }
        throw new Error(`counterfactualSafeAddress needs no chain, but was asked ${method}`);
      },
    }),
  });
  // Only the owner's address matters for the address; this stand-in never signs.
  const owner_ = toAccount({
    address: owner,
    signMessage: () => Promise.reject(new Error("not a signer")),
    signTransaction: () => Promise.reject(new Error("not a signer")),
    signTypedData: () => Promise.reject(new Error("not a signer")),
  });
  const safe = await toSafeSmartAccount({
    client,
    owners: [owner_],
    version: "1.4.1",
    entryPoint: { address: entryPoint07Address, version: "0.7" },
    saltNonce: 0n,
  });
  return safe.address;
}
