import { createServer, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

/**
 * A mail sink for development and tests: a real SMTP server that keeps every message in memory,
 * and a small web page (and JSON API) to read them. Nothing is delivered anywhere.
 */
export interface SinkMessage {
  id: string;
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  date: string;
  attachments: { filename: string; contentType: string; size: number }[];
}

export interface MailSink {
  smtpPort: number;
  webUrl: string;
  messages: SinkMessage[];
  stop(): Promise<void>;
}

const MAX_MESSAGES = 1_000;

export async function startMailSink(opts: { smtpPort: number; webPort: number }): Promise<MailSink> {
  const messages: SinkMessage[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    banner: "CareChain mail sink",
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.unshift({
            id: randomUUID(),
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            date: new Date().toISOString(),
            attachments: mail.attachments.map((a) => ({ filename: a.filename ?? "attachment", contentType: a.contentType, size: a.size })),
          });
          messages.length = Math.min(messages.length, MAX_MESSAGES);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(opts.smtpPort, "127.0.0.1", () => resolve());
  });

  const web: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/api/messages" && req.method === "GET") {
      const to = url.searchParams.get("to")?.toLowerCase();
      const found = to ? messages.filter((m) => m.to.includes(to)) : messages;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(found));
      return;
    }
    if (url.pathname === "/api/messages" && req.method === "DELETE") {
      messages.length = 0;
      res.writeHead(204).end();
      return;
    }
    const match = /^\/messages\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (match) {
      const message = messages.find((m) => m.id === match[1]);
      if (!message) {
        res.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end(page("Not found", "<p>No such message.</p>"));
        return;
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(messagePage(message));
      return;
    }
    if (url.pathname === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(inboxPage(messages));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    web.once("error", reject);
    web.listen(opts.webPort, "127.0.0.1", () => resolve());
  });

  return {
    smtpPort: opts.smtpPort,
    webUrl: `http://localhost:${opts.webPort}`,
    messages,
    async stop() {
      web.closeAllConnections();
      await Promise.all([new Promise<void>((r) => web.close(() => r())), new Promise<void>((r) => smtp.close(() => r()))]);
    },
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} · Mail sink</title><meta http-equiv="refresh" content="${title === "Inbox" ? 5 : 600}">
<style>body{font-family:system-ui,sans-serif;margin:0;background:#f8fafc;color:#0f172a}main{max-width:960px;margin:0 auto;padding:24px}
table{width:100%;border-collapse:collapse;background:#fff}th,td{text-align:left;padding:8px 12px;border-bottom:1px solid #e2e8f0}
a{color:#115e59}pre{white-space:pre-wrap;background:#fff;padding:16px;border:1px solid #e2e8f0}iframe{width:100%;height:520px;border:1px solid #e2e8f0;background:#fff}</style>
</head><body><main>${body}</main></body></html>`;
}

function inboxPage(messages: SinkMessage[]): string {
  const rows = messages
    .map((m) => `<tr><td>${esc(new Date(m.date).toLocaleTimeString("en-GB"))}</td><td>${esc(m.to.join(", "))}</td><td><a href="/messages/${m.id}">${esc(m.subject || "(no subject)")}</a></td></tr>`)
    .join("");
  return page(
    "Inbox",
    `<h1>Mail sink</h1><p>Every email the portal sends in development lands here. This page refreshes every 5 seconds.</p>
<table><caption style="text-align:left;padding:8px 0">${messages.length} message(s), newest first</caption><thead><tr><th scope="col">Time</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows || '<tr><td colspan="3">No mail yet.</td></tr>'}</tbody></table>`,
  );
}

function messagePage(m: SinkMessage): string {
  const attachments = m.attachments.map((a) => `<li>${esc(a.filename)} (${esc(a.contentType)}, ${a.size} bytes)</li>`).join("");
  return page(
    m.subject,
    `<p><a href="/">← Inbox</a></p><h1>${esc(m.subject)}</h1><p>To ${esc(m.to.join(", "))} · ${esc(m.date)}</p>
${m.html ? `<iframe title="Message body" sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" srcdoc="${esc(m.html)}"></iframe>` : ""}
<h2>Plain text</h2><pre>${esc(m.text)}</pre>${attachments ? `<h2>Attachments</h2><ul>${attachments}</ul>` : ""}`,
  );
}
