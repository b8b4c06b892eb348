"use client";

import { useActionState } from "react";
import { FormField, Input, SubmitButton, Textarea } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import { submitDoctorProfile } from "@/lib/doctors/actions";
import type { FormState } from "@/lib/actions/form-state";

export interface ProfileValues {
  specialty: string;
  qualifications: string;
  languages: string;
  bio: string;
  fee: string;
}

export function ProfileForm({ values }: { values: ProfileValues }) {
  const [state, action] = useActionState<FormState, FormData>(submitDoctorProfile, {});
  const error = (name: keyof ProfileValues) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="max-w-2xl space-y-4" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Specialty" error={error("specialty")} required>
          <Input name="specialty" defaultValue={values.specialty} />
        </FormField>
        <FormField label="Consultation fee (USD)" error={error("fee")} required>
          <Input name="fee" inputMode="decimal" defaultValue={values.fee} />
        </FormField>
      </div>
      <FormField label="Qualifications" error={error("qualifications")} required>
        <Input name="qualifications" defaultValue={values.qualifications} />
      </FormField>
      <FormField label="Languages" hint="Separated by commas, e.g. English, Spanish" error={error("languages")} required>
        <Input name="languages" defaultValue={values.languages} />
      </FormField>
      <FormField label="About you" hint="What patients read in the directory." error={error("bio")} required>
        <Textarea name="bio" rows={5} defaultValue={values.bio} />
      </FormField>
      <SubmitButton>Save profile</SubmitButton>
    </form>
  );
}
