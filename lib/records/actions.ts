"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { AppError } from "@/lib/errors";
import { importFhirBundle } from "@/lib/fhir/import-fhir-bundle";
import { addClinicalEntry } from "./add-clinical-entry";
import { saveInsurance } from "./insurance";
import { addClinicalEntrySchema, contactDetailsSchema, insuranceSchema, updateClinicalEntrySchema } from "./schemas";
import { updateClinicalEntry } from "./update-clinical-entry";
import { updateContactDetails } from "./update-contact-details";


export async function submitFhirImport(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await currentActor();
    const file = formData.get("bundle");
    if (!(file instanceof File) || file.size === 0) throw new AppError("VALIDATION", "Choose a FHIR bundle file (.json) to import.", { bundle: ["Choose a file."] });
    // A patient imports into their own record; anyone else (an admin) names the patient.
    const chosen = String(formData.get("patientId") ?? "");
    if (actor?.role === "ADMIN" && !chosen) throw new AppError("VALIDATION", "Choose the patient to import for.", { patientId: ["Choose a patient."] });
    const patientId = actor?.role === "PATIENT" ? actor.userId : chosen;
    const result = await importFhirBundle(actor, { patientId, text: await file.text() });
    revalidatePath("/patient/records");
    if (!result.created) return { ok: true, message: "This bundle was imported before: nothing changed." };
    const skipped = Object.entries(result.skipped).map(([type, n]) => `${type} ×${n}`);
    return {
      ok: true,
      message: `Imported ${result.inserted} ${result.inserted === 1 ? "entry" : "entries"} from the bundle.${skipped.length ? ` Not imported (types this portal does not keep): ${skipped.join(", ")}.` : ""}`,
    };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitClinicalEntry(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(addClinicalEntrySchema, formData);
    await addClinicalEntry(await currentActor(), input);
    revalidatePath(`/doctor/patients/${input.patientId}`);
    return { ok: true, message: `Added “${input.display}”.` };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitClinicalEntryUpdate(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(updateClinicalEntrySchema, formData);
    const { version } = await updateClinicalEntry(await currentActor(), input);
    revalidatePath(`/doctor/patients/${input.patientId}`);
    return { ok: true, message: `Saved as version ${version}; the earlier version is kept in the history.` };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitInsurance(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await saveInsurance(await currentActor(), parseForm(insuranceSchema, formData));
    revalidatePath("/patient/records/details");
    return { ok: true, message: "Insurance saved." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitContactDetails(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await updateContactDetails(await currentActor(), parseForm(contactDetailsSchema, formData));
    revalidatePath("/patient");
    return { ok: true, message: "Your details are saved; the earlier ones are kept in the history." };
  } catch (error) {
    return toFormState(error);
  }
}
