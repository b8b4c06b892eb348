"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { confirmProposal, proposeChange, withdrawProposal } from "./proposals";
import { proposalIdSchema, proposeChangeSchema } from "./schemas";

const DONE = { EXECUTED: "executed by the admin Safe", FAILED: "refused by the admin Safe", PENDING: "waiting for another administrator" } as const;
const said = (status: string) => DONE[status as keyof typeof DONE] ?? status.toLowerCase();

export async function submitProposal(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { status } = await proposeChange(await currentActor(), parseForm(proposeChangeSchema, formData));
    revalidatePath("/admin/contracts");
    return { ok: true, message: `Proposed and signed: ${said(status)}.` };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitConfirmation(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { status } = await confirmProposal(await currentActor(), parseForm(proposalIdSchema, formData));
    revalidatePath("/admin/contracts");
    return { ok: true, message: `Confirmed: ${said(status)}.` };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitWithdrawal(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await withdrawProposal(await currentActor(), parseForm(proposalIdSchema, formData));
    revalidatePath("/admin/contracts");
    return { ok: true, message: "Proposal withdrawn." };
  } catch (error) {
    return toFormState(error);
  }
}
