import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
}

const globalForMail = globalThis as unknown as { mailTransport?: Transporter };

function transport(): Transporter {
  globalForMail.mailTransport ??= nodemailer.createTransport(env().SMTP_URL);
  return globalForMail.mailTransport;
}

/** Sends over SMTP (the development mail sink, or any SMTP server in production). */
export async function sendMail(mail: Mail): Promise<void> {
  const result = await transport().sendMail({ from: env().MAIL_FROM, ...mail });
  if (result.rejected.length > 0) throw new Error("the mail server refused the recipient");
}
