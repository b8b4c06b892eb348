import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { errorFields } from "@/lib/log";
import { requestLog } from "@/lib/request";

/** What a form's server action returns to the page: a message for the user, and per-field errors. */
export interface FormState {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string[]>;
  /** A full-page navigation the browser should make next (for links the server must not follow itself). */
  redirectTo?: string;
}

/** Validates form fields with a zod schema; throws a ZodError that toFormState turns into field errors. */
export function parseForm<T extends z.ZodType>(schema: T, formData: FormData): z.infer<T> {
  return schema.parse(Object.fromEntries(formData.entries()));
}

/** Turns any failure into a clear message. Redirects and 403/404 interrupts pass through. */
export async function toFormState(error: unknown): Promise<FormState> {
  unstable_rethrow(error);
  if (error instanceof z.ZodError) {
    return { error: "Please correct the highlighted fields.", fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> };
  }
  if (isAppError(error)) return { error: error.message, fieldErrors: error.fieldErrors };
  (await requestLog()).error("server action failed", errorFields(error));
  return { error: "Something went wrong on our side. Please try again." };
}
