"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { amendVisit } from "./amend-visit";
import { signVisit } from "./sign-visit";
import { startVisit } from "./start-visit";
import { addDiagnosis, addExamOrder, removeDiagnosis, removeExamOrder, saveVisit } from "./write-visit";
import { addDiagnosisSchema, addExamOrderSchema, amendVisitSchema, removeDiagnosisSchema, removeExamOrderSchema, saveVisitSchema, startVisitSchema, visitIdSchema } from "./schemas";

const visitPage = (visitId: string) => `/doctor/visits/${visitId}`;

export async function submitStartVisit(_prev: FormState, formData: FormData): Promise<FormState> {
  let visitId: string;
  try {
    visitId = (await startVisit(await currentActor(), parseForm(startVisitSchema, formData))).id;
  } catch (error) {
    return toFormState(error);
  }
  redirect(visitPage(visitId));
}

export async function submitVisitNotes(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(saveVisitSchema, formData);
    await saveVisit(await currentActor(), input);
    revalidatePath(visitPage(input.visitId));
    return { ok: true, message: "Notes and vitals saved." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitDiagnosis(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(addDiagnosisSchema, formData);
    const row = await addDiagnosis(await currentActor(), input);
    revalidatePath(visitPage(input.visitId));
    return { ok: true, message: `Added ${row.code} ${row.display}.` };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitRemoveDiagnosis(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await removeDiagnosis(await currentActor(), parseForm(removeDiagnosisSchema, formData));
    revalidatePath("/doctor/visits/[id]", "page");
    return { ok: true, message: "Removed." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitExamOrder(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(addExamOrderSchema, formData);
    await addExamOrder(await currentActor(), input);
    revalidatePath(visitPage(input.visitId));
    return { ok: true, message: `Ordered: ${input.name}.` };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitRemoveExamOrder(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await removeExamOrder(await currentActor(), parseForm(removeExamOrderSchema, formData));
    revalidatePath("/doctor/visits/[id]", "page");
    return { ok: true, message: "Order removed." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitSignVisit(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { visitId } = parseForm(visitIdSchema, formData);
    await signVisit(await currentActor(), { visitId });
    revalidatePath(visitPage(visitId));
    revalidatePath("/doctor");
    return { ok: true, message: "Signed. The visit is locked; later changes are amendments." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitAmendment(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(amendVisitSchema, formData);
    await amendVisit(await currentActor(), input);
    revalidatePath(visitPage(input.visitId));
    return { ok: true, message: "Amendment added. The signed original is kept." };
  } catch (error) {
    return toFormState(error);
  }
}
