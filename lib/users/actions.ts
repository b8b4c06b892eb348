"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { inviteStaff } from "./invite-staff";
import { setUserStatus } from "./set-user-status";
import { inviteStaffSchema, setUserStatusSchema } from "./schemas";

export async function submitStaffInvitation(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(inviteStaffSchema, formData);
    await inviteStaff(await currentActor(), input);
    revalidatePath("/admin/users");
    return { ok: true, message: `Invitation sent to ${input.email}.` };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitUserStatus(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(setUserStatusSchema, formData);
    await setUserStatus(await currentActor(), input);
    revalidatePath("/admin/users");
    return { ok: true, message: input.status === "DISABLED" ? "Account disabled; its sessions have ended." : "Account enabled." };
  } catch (error) {
    return toFormState(error);
  }
}
