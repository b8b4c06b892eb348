import { describe, expect, it } from "vitest";
import { calendarInvite, foldLine } from "./ics";

const event = {
  uid: "0b7c2f7e-1111-4222-8333-944455556666@carechain",
  sequence: 2,
  method: "REQUEST" as const,
  startsAt: new Date("2026-03-09T13:00:00Z"),
  endsAt: new Date("2026-03-09T13:30:00Z"),
  summary: "Appointment with Dr. Lena Chen, Cardiology",
  description: "Please arrive 10 minutes early; to change it, sign in to CareChain Health.",
  location: "CareChain Health clinic",
  organizerEmail: "no-reply@carechain.local",
  attendeeEmail: "patient@example.com",
  now: new Date("2026-03-01T08:00:00Z"),
};

describe("calendarInvite", () => {
  it("writes an RFC 5545 event in UTC with CRLF line ends, escaped text and the sequence", () => {
    const ics = calendarInvite(event);
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.split("\r\n").filter((l) => l && !l.startsWith(" ")).every((l) => /^[A-Z-]+[;:]/.test(l))).toBe(true);
    expect(ics).toContain("DTSTART:20260309T130000Z\r\n");
    expect(ics).toContain("DTEND:20260309T133000Z\r\n");
    expect(ics).toContain("DTSTAMP:20260301T080000Z\r\n");
    expect(ics).toContain("SEQUENCE:2\r\n");
    expect(ics).toContain("METHOD:REQUEST\r\n");
    expect(ics).toContain("SUMMARY:Appointment with Dr. Lena Chen\\, Cardiology\r\n");
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(calendarInvite({ ...event, method: "CANCEL" })).toContain("STATUS:CANCELLED");
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it("folds long lines without splitting a character, and unfolds to the original", () => {
    const line = `DESCRIPTION:${"Zürich café — ".repeat(20)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });
});
