/**
 * Structured JSON logs, one line per event, with the request id when there is one.
 * Never names, emails or clinical data: fields whose key looks personal are replaced before writing,
 * and free text is not accepted as a field value longer than a short identifier.
 */
type Level = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, string | number | boolean | null | undefined>;

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const PERSONAL_KEY = /e-?mail|name|phone|address|birth|dob|code|token|secret|password|note|diagnos|reason|text|body|cookie/i;

function threshold(): number {
  const level = process.env.LOG_LEVEL as Level | undefined;
  return order[level ?? "info"] ?? order.info;
}

export function redact(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out[key] = PERSONAL_KEY.test(key) ? "[redacted]" : typeof value === "string" && value.length > 200 ? `${value.slice(0, 200)}…` : value;
  }
  return out;
}

function write(level: Level, msg: string, fields: LogFields = {}): void {
  if (order[level] < threshold()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...redact(fields) });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export function createLogger(base: LogFields = {}): Logger {
  return {
    debug: (msg, f) => write("debug", msg, { ...base, ...f }),
    info: (msg, f) => write("info", msg, { ...base, ...f }),
    warn: (msg, f) => write("warn", msg, { ...base, ...f }),
    error: (msg, f) => write("error", msg, { ...base, ...f }),
    child: (f) => createLogger({ ...base, ...f }),
  };
}

export const log = createLogger();

/** The error's class and code only: messages can carry user input. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { error: error.name, errorCode: typeof code === "string" ? code : undefined, frames: error.stack?.split("\n").slice(1, 4).map((l) => l.trim()).join(" | ") };
  }
  return { error: typeof error };
}
