import { PROFILES } from "../../scripts/stack.ts";

const SINK = `http://127.0.0.1:${PROFILES.e2e.ports.mailWeb}`;

export interface SinkMail {
  id: string;
  subject: string;
  text: string;
  date: string;
}

/** Waits for a new email to the address, newer than `since`, and returns it. */
export async function waitForMail(address: string, since: Date, timeoutMs = 15_000): Promise<SinkMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${SINK}/api/messages?to=${encodeURIComponent(address)}`);
    const messages = (await response.json()) as SinkMail[];
    const fresh = messages.find((m) => new Date(m.date) >= since);
    if (fresh) return fresh;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no email reached ${address} within ${timeoutMs} ms`);
}

export function signInLinkOf(mail: SinkMail): string {
  const link = /(https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+)/.exec(mail.text)?.[1];
  if (!link) throw new Error("the email has no sign-in link");
  return link;
}

export function signInCodeOf(mail: SinkMail): string {
  const code = /Your code: (\d{3}) (\d{3})/.exec(mail.text);
  if (!code) throw new Error("the email has no sign-in code");
  return `${code[1]}${code[2]}`;
}
