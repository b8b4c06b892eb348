/** Email bodies: plain text first (it is what many clients and screen readers use), and a simple accessible HTML twin. */

export const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function layout(title: string, inner: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#0f172a">
<main style="max-width:520px;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:32px">
<p style="margin:0 0 24px;font-weight:600;color:#115e59">CareChain Health</p>${inner}
</main></body></html>`;
}

export function signInMail(input: { url: string; code: string; minutes: number }) {
  const spaced = `${input.code.slice(0, 3)} ${input.code.slice(3)}`;
  return {
    subject: `Your CareChain sign-in code is ${input.code}`,
    text: [
      "Sign in to CareChain Health",
      "",
      `Your code: ${spaced}`,
      "Type it in the tab where you asked to sign in.",
      "",
      `Or open this link on this device: ${input.url}`,
      "",
      `The code and the link work once, for ${input.minutes} minutes.`,
      "If you did not ask to sign in, ignore this email: nobody can sign in without it.",
    ].join("\n"),
    html: layout(
      "Sign in to CareChain Health",
      `<h1 style="font-size:20px;margin:0 0 16px">Sign in to CareChain Health</h1>
<p style="margin:0 0 8px">Your code:</p>
<p style="font-size:32px;letter-spacing:6px;font-weight:700;margin:0 0 16px" aria-label="Code ${input.code.split("").join(" ")}">${spaced}</p>
<p style="margin:0 0 24px">Type it in the tab where you asked to sign in, or use the button on this device.</p>
<p style="margin:0 0 24px"><a href="${escape(input.url)}" style="display:inline-block;background:#0f766e;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">Sign in</a></p>
<p style="color:#475569;font-size:14px;margin:0">The code and the link work once, for ${input.minutes} minutes. If you did not ask to sign in, ignore this email.</p>`,
    ),
  };
}

export function invitationMail(input: { roleLabel: string; signInUrl: string; days: number }) {
  return {
    subject: `You are invited to CareChain Health as ${input.roleLabel}`,
    text: [
      `You have been invited to CareChain Health as ${input.roleLabel}.`,
      "",
      `Sign in with this email address at ${input.signInUrl}`,
      `The invitation is valid for ${input.days} days.`,
    ].join("\n"),
    html: layout(
      "Your invitation",
      `<h1 style="font-size:20px;margin:0 0 16px">You are invited as ${escape(input.roleLabel)}</h1>
<p style="margin:0 0 24px">Sign in with this email address to start. The invitation is valid for ${input.days} days.</p>
<p style="margin:0"><a href="${escape(input.signInUrl)}" style="display:inline-block;background:#0f766e;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">Sign in</a></p>`,
    ),
  };
}
