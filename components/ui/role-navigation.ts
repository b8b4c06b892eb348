export type Role = "PATIENT" | "DOCTOR" | "PHARMACIST" | "ADMIN";

export type NavLink = { href: string; label: string };

/** The words shown for each role. */
export const roleLabel: Record<Role, string> = {
  PATIENT: "Patient",
  DOCTOR: "Doctor",
  PHARMACIST: "Pharmacist",
  ADMIN: "Administrator",
};

/**
 * The signed-in area's sections, per role; the first link is the role's home.
 * A section is listed once its pages exist.
 */
export const roleNavigation: Record<Role, NavLink[]> = {
  PATIENT: [
    { href: "/patient", label: "Home" },
    { href: "/patient/doctors", label: "Find a doctor" },
    { href: "/patient/appointments", label: "Appointments" },
    { href: "/patient/visits", label: "Visits" },
    { href: "/patient/records", label: "Medical history" },
    { href: "/patient/documents", label: "Documents" },
    { href: "/patient/consents", label: "Consents" },
    { href: "/patient/access-log", label: "Access log" },
    { href: "/account/wallet", label: "Wallet" },
    { href: "/account", label: "Account" },
  ],
  DOCTOR: [
    { href: "/doctor", label: "Today" },
    { href: "/doctor/schedule", label: "Schedule" },
    { href: "/doctor/break-glass", label: "Emergency access" },
    { href: "/doctor/profile", label: "Profile" },
    { href: "/account/wallet", label: "Wallet" },
    { href: "/account", label: "Account" },
  ],
  PHARMACIST: [
    { href: "/pharmacy", label: "Counter" },
    { href: "/pharmacy/dispense", label: "Dispense" },
    { href: "/pharmacy/inventory", label: "Inventory" },
    { href: "/pharmacy/orders", label: "Orders" },
    { href: "/pharmacy/alerts", label: "Alerts" },
    { href: "/pharmacy/reports", label: "Reports" },
    { href: "/account/wallet", label: "Wallet" },
    { href: "/account", label: "Account" },
  ],
  ADMIN: [
    { href: "/admin", label: "Overview" },
    { href: "/admin/users", label: "Users" },
    { href: "/admin/appointments", label: "Appointments" },
    { href: "/admin/records-import", label: "Import a history" },
    { href: "/admin/break-glass", label: "Emergency access" },
    { href: "/admin/audit", label: "Audit" },
    { href: "/admin/contracts", label: "Contracts" },
    { href: "/admin/sponsorship", label: "Sponsorship" },
    { href: "/admin/reports", label: "Reports" },
    { href: "/admin/pharmacy", label: "Pharmacy" },
    { href: "/account/wallet", label: "Wallet" },
    { href: "/account", label: "Account" },
  ],
};

/**
 * The link for the current page: the longest href equal to the path or a parent of it,
 * so /patient/records/42 marks "Records" and not "Home".
 */
export function activeHref(links: NavLink[], pathname: string): string | undefined {
  return links
    .filter((link) => pathname === link.href || pathname.startsWith(`${link.href.replace(/\/$/, "")}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
