import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }).max(254));

/** Only paths on this site, so a crafted link cannot send someone elsewhere after sign-in. */
export const returnPathSchema = z
  .string()
  .optional()
  .transform((p) => (p && p.startsWith("/") && !p.startsWith("//") && !p.startsWith("/\\") ? p : "/"));

export const requestSignInSchema = z.object({ email: emailSchema, callbackUrl: returnPathSchema });

export const signInCodeSchema = z.object({
  email: emailSchema,
  code: z
    .string({ error: "Enter the 6-digit code from the email." })
    .transform((c) => c.replace(/\D/g, ""))
    .pipe(z.string().length(6, { error: "The code has 6 digits." })),
});
