import { z } from "zod";
import { SCOPES } from "./scopes";

const DAY = 86_400_000;
export const MAX_CONSENT_DAYS = 5 * 366;

/** The last moment of a calendar day (UTC): consent "until 30 June" holds through that day. */
export const endOfDay = (isoDate: string) => new Date(`${isoDate}T23:59:59.000Z`);

export const grantConsentSchema = z.object({
  granteeId: z.uuid({ error: "Choose a doctor." }),
  scope: z.enum(SCOPES, { error: "Choose what the doctor may see." }),
  until: z
    .string({ error: "Choose until when." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Choose until when." })
    .refine((d) => endOfDay(d).getTime() > Date.now(), { error: "Choose a day from today on." })
    .refine((d) => endOfDay(d).getTime() < Date.now() + MAX_CONSENT_DAYS * DAY, { error: "Choose a day within five years." }),
});
export type GrantConsentInput = z.infer<typeof grantConsentSchema>;

export const revokeConsentSchema = z.object({ consentId: z.uuid({ error: "Unknown consent." }) });
