"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { AppError } from "@/lib/errors";
import { uploadDocumentSchema } from "./schemas";
import { uploadDocument } from "./upload-document";

export async function submitDocument(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await currentActor();
    const fields = parseForm(uploadDocumentSchema, formData);
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("VALIDATION", "Choose a file to upload.", { file: ["Choose a file."] });
    await uploadDocument(actor, { ...fields, file: { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) } });
    revalidatePath("/patient/documents");
    revalidatePath(`/doctor/patients/${fields.patientId}`);
    return { ok: true, message: `Uploaded “${fields.title}”. It is stored encrypted.` };
  } catch (error) {
    return toFormState(error);
  }
}
