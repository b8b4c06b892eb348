import { z } from "zod";

/** The changes an administrator can propose to the app contracts; each becomes one call made by the admin Safe. */
export const PROPOSAL_KINDS = {
  "verify-clinician": "Verify a doctor's wallet as a clinician (AccessRegistry)",
  "unverify-clinician": "Withdraw a doctor's clinician verification (AccessRegistry)",
  "verify-pharmacy": "Verify a pharmacist's wallet as a dispensing pharmacy (AccessRegistry)",
  "unverify-pharmacy": "Withdraw a pharmacist's pharmacy verification (AccessRegistry)",
  "pause-token": "Pause CareToken transfers",
  "unpause-token": "Resume CareToken transfers",
  "mint-care": "Mint CARE to a user",
  "set-paymaster-signer": "Set the paymaster's sponsorship signer",
  "grant-anchorer": "Allow an account to anchor the audit trail (AccessRegistry)",
} as const;
export type ProposalKind = keyof typeof PROPOSAL_KINDS;

const uuid = z.uuid({ error: "Choose a person." });
const address = z.string().trim().regex(/^0x[0-9a-fA-F]{40}$/, { error: "Enter a 0x-prefixed address of 40 hex digits." });

export const proposeChangeSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("verify-clinician"), doctorId: uuid }),
    z.object({ kind: z.literal("unverify-clinician"), doctorId: uuid }),
    z.object({ kind: z.literal("verify-pharmacy"), pharmacistId: uuid }),
    z.object({ kind: z.literal("unverify-pharmacy"), pharmacistId: uuid }),
    z.object({ kind: z.literal("pause-token") }),
    z.object({ kind: z.literal("unpause-token") }),
    z.object({
      kind: z.literal("mint-care"),
      userId: uuid,
      amount: z
        .string()
        .trim()
        .regex(/^\d{1,9}(\.\d{1,18})?$/, { error: "Enter an amount of CARE, e.g. 25 or 2.5." })
        .refine((a) => Number(a) > 0, { error: "Enter an amount above zero." }),
    }),
    z.object({ kind: z.literal("set-paymaster-signer"), signer: address }),
    z.object({ kind: z.literal("grant-anchorer"), account: address }),
  ],
  { error: "Choose what to change." },
);
export type ProposeChangeInput = z.infer<typeof proposeChangeSchema>;

export const proposalIdSchema = z.object({ proposalId: z.uuid({ error: "Unknown proposal." }) });
