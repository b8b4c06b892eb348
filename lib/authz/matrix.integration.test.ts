import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { ROLES, type Actor, type Role } from "@/lib/authz/actor";
import { assertSignInAllowed } from "@/lib/auth/rate-limit";
import { endOtherSessions, listMySessions } from "@/lib/auth/sessions";
import { issueSignInCode, redeemSignInCode } from "@/lib/auth/sign-in-code";
import { completeOnboarding } from "@/lib/patients/complete-onboarding";
import { getPatientProfile } from "@/lib/patients/get-patient-profile";
import { countUsersByRole } from "@/lib/users/count-users";
import { inviteStaff } from "@/lib/users/invite-staff";
import { listUsers } from "@/lib/users/list-users";
import { getMyDoctorProfile, updateMyDoctorProfile } from "@/lib/doctors/doctor-profile";
import { setUserStatus } from "@/lib/users/set-user-status";
import { createActor } from "@/test/factories";
import { findPatientsForEmergency } from "@/lib/break-glass/find-patients-for-emergency";
import { openBreakGlass } from "@/lib/break-glass/open-break-glass";
import { listBreakGlassEvents, reviewBreakGlass } from "@/lib/break-glass/review-break-glass";
import { getPrescriptionByCode, listPatientPrescriptions } from "@/lib/prescriptions/get-prescription";
import { preparePrescription } from "@/lib/prescriptions/prepare-prescription";
import { signPrescription } from "@/lib/prescriptions/sign-prescription";
import { amendVisit } from "@/lib/visits/amend-visit";
import { getVisit, listPatientVisits } from "@/lib/visits/get-visit";
import { signVisit } from "@/lib/visits/sign-visit";
import { startVisit } from "@/lib/visits/start-visit";
import { visitFixture } from "@/lib/visits/test-visit";
import { addDiagnosis, addExamOrder, removeDiagnosis, removeExamOrder, saveVisit } from "@/lib/visits/write-visit";
import { uploadDocument } from "@/lib/documents/upload-document";
import { getDocument, listDocuments } from "@/lib/documents/list-documents";
import { importFhirBundle } from "@/lib/fhir/import-fhir-bundle";
import { addClinicalEntry } from "@/lib/records/add-clinical-entry";
import { getChartPatient } from "@/lib/records/get-chart-patient";
import { getClinicalEntry } from "@/lib/records/get-clinical-entry";
import { getMedicalHistory } from "@/lib/records/get-medical-history";
import { listInsurance, saveInsurance } from "@/lib/records/insurance";
import { listFhirImports } from "@/lib/records/list-fhir-imports";
import { updateClinicalEntry } from "@/lib/records/update-clinical-entry";
import { updateContactDetails } from "@/lib/records/update-contact-details";
import { recordsFixtures } from "@/lib/records/test-fixtures";
import { searchDrugs } from "@/lib/pharmacy/catalogue/search-drugs";
import { createDrug as addCatalogueItem, updateDrug } from "@/lib/pharmacy/catalogue/manage-drugs";
import { getDrugStockAndPrice } from "@/lib/pharmacy/catalogue/get-drug-stock-and-price";
import { createSale } from "@/lib/pharmacy/sales/create-sale";
import { returnSale } from "@/lib/pharmacy/sales/return-sale";
import { getSale, listRecentSales } from "@/lib/pharmacy/sales/get-sale";
import { adjustStock, expireLots } from "@/lib/pharmacy/inventory/adjust-stock";
import { getDrugStock, listStock } from "@/lib/pharmacy/inventory/list-stock";
import { createSupplier, listSuppliers } from "@/lib/pharmacy/procurement/suppliers";
import {
  addPurchaseOrderLine,
  cancelPurchaseOrder,
  createPurchaseOrder,
  getPurchaseOrder,
  listPurchaseOrders,
  receivePurchaseOrder,
  removePurchaseOrderLine,
  sendPurchaseOrder,
} from "@/lib/pharmacy/procurement/purchase-orders";
import { getReorderSuggestions } from "@/lib/pharmacy/procurement/reorder-suggestions";
import { getStockAlerts } from "@/lib/pharmacy/alerts/get-stock-alerts";
import { getPharmacyReport } from "@/lib/pharmacy/reports/get-pharmacy-report";
import { getClinicReport } from "@/lib/reports/get-clinic-report";
import { createDrug, pharmacyFixtures } from "@/lib/pharmacy/test/fixtures";
import { prescribed, recordedDispense } from "@/lib/pharmacy/test/dispensing-fixtures";
import { dispensePrescription, getDispensingView } from "@/lib/pharmacy/dispensing/dispense-prescription";
import { getDispense } from "@/lib/pharmacy/dispensing/get-dispense";
import { findPrescriptionsByPatient } from "@/lib/pharmacy/dispensing/find-prescriptions";
import { bookAppointment } from "@/lib/scheduling/book-appointment";
import { cancelAppointment } from "@/lib/scheduling/cancel-appointment";
import { checkInAppointment, markNoShow } from "@/lib/scheduling/check-in-appointment";
import { getDoctorDay } from "@/lib/scheduling/get-doctor-day";
import { listClinicAppointments, listPatientsForBooking } from "@/lib/scheduling/list-clinic-appointments";
import { listFreeSlots } from "@/lib/scheduling/list-free-slots";
import { listMyAppointments } from "@/lib/scheduling/list-my-appointments";
import { addTimeOff, getDoctorSchedule, removeTimeOff, setWorkingHours } from "@/lib/scheduling/manage-schedule";
import { rescheduleAppointment } from "@/lib/scheduling/reschedule-appointment";
import { listSpecialties, searchDoctors } from "@/lib/scheduling/search-doctors";
import { appointmentFixture, clinicSlot, createDoctorWithHours } from "@/lib/scheduling/test-doctor";
import { listMyAccessLog } from "@/lib/audit/access-log";
import { exportMyAuditEvents } from "@/lib/audit/fhir-export";
import { getAuditProof } from "@/lib/audit/proof";
import { recordAuditNow } from "@/lib/audit/record";
import { reviewAuditTrail } from "@/lib/audit/review";
import { grantConsent } from "@/lib/consent/grant-consent";
import { listDoctorsForConsent } from "@/lib/consent/list-doctors";
import { listMyConsents } from "@/lib/consent/list-consents";
import { revokeConsent } from "@/lib/consent/revoke-consent";
import { confirmProposal, getAdminSafeOverview, proposeChange, withdrawProposal } from "@/lib/admin-safe/proposals";
import { db } from "@/lib/db";
import { getSponsorshipOverview } from "@/lib/sponsorship/get-sponsorship-overview";
import { setRoleBudget, setUserBudget } from "@/lib/sponsorship/set-budget";
import { sponsorUserOperation } from "@/lib/sponsorship/sponsor-user-operation";
import { getMyWallet } from "@/lib/wallets/get-my-wallet";

/**
 * The authorization matrix: the specification of who may call what, written here by hand and independently of
 * lib/authz/policy.ts. Every server action and every route handler in the code base must appear in it, so a new
 * one without an entry fails this test. Pages' HTTP-level checks are covered by the e2e tier.
 */

type Who = Role | "anonymous";
type Access = { roles: readonly Role[] } | { public: string };

interface ActionEntry {
  /** The data function the action calls, where the authorization happens. */
  wraps: string;
  access: Access;
  /** Calls the data function as this actor with valid input; null when there is no data function of ours to call. */
  call: ((actor: Actor | null) => Promise<unknown>) | null;
}

const EVERYONE = ROLES;
const onboardingInput = {
  givenName: "Matrix",
  familyName: "Patient",
  dateOfBirth: "1970-07-07",
  sex: "OTHER",
  phone: "+1 555 777 0000",
  addressLine: "7 Matrix Way",
  city: "Grid",
  postalCode: "77777",
  country: "Testland",
  emergencyContactName: "Trinity",
  emergencyContactPhone: "+1 555 777 0001",
  emergencyContactRelation: "Friend",
} as const;
const freshEmail = () => `matrix-${randomUUID()}@example.com`;

const SERVER_ACTIONS: Record<string, ActionEntry> = {
  "lib/records/actions.ts#submitFhirImport": {
    wraps: "importFhirBundle",
    access: { roles: ["PATIENT", "ADMIN"] },
    call: async (actor) => importFhirBundle(actor, { patientId: await recordsFixtures.ownOrNewPatient(actor), text: recordsFixtures.bundle() }),
  },
  "lib/records/actions.ts#submitClinicalEntry": {
    wraps: "addClinicalEntry",
    access: { roles: ["DOCTOR"] },
    call: async (actor) => addClinicalEntry(actor, { patientId: await recordsFixtures.consentingPatient(actor, "conditions"), kind: "CONDITION", display: "Matrix condition" }),
  },
  "lib/records/actions.ts#submitClinicalEntryUpdate": {
    wraps: "updateClinicalEntry",
    access: { roles: ["DOCTOR"] },
    call: async (actor) => {
      const patientId = await recordsFixtures.consentingPatient(actor, "conditions");
      return updateClinicalEntry(actor, { patientId, entryId: await recordsFixtures.entry(patientId), expectedVersion: 1, display: "Matrix correction" });
    },
  },
  "lib/records/actions.ts#submitInsurance": { wraps: "saveInsurance", access: { roles: ["PATIENT"] }, call: (actor) => saveInsurance(actor, { payer: "Matrix Mutual", memberId: "MX-1" }) },
  "lib/records/actions.ts#submitContactDetails": {
    wraps: "updateContactDetails",
    access: { roles: ["PATIENT"] },
    call: async (actor) => {
      await recordsFixtures.profileOf(actor);
      return updateContactDetails(actor, recordsFixtures.contactDetails);
    },
  },
  "lib/documents/actions.ts#submitDocument": {
    wraps: "uploadDocument",
    access: { roles: ["PATIENT", "DOCTOR"] },
    call: async (actor) => {
      const patientId = actor?.role === "DOCTOR" ? await recordsFixtures.consentingPatient(actor, "visits") : (actor?.userId ?? randomUUID());
      return uploadDocument(actor, { patientId, kind: "EXAM_REPORT", title: "Matrix report", file: { name: "m.pdf", bytes: recordsFixtures.pdf } });
    },
  },
  "lib/auth/actions.ts#requestSignInEmail": {
    wraps: "assertSignInAllowed",
    access: { public: "anyone may ask for a sign-in email; it is limited per address and per network" },
    call: () => assertSignInAllowed({ email: freshEmail(), ip: `192.0.2.${Math.floor(Math.random() * 250)}` }),
  },
  "lib/auth/actions.ts#signInWithCode": {
    wraps: "redeemSignInCode",
    access: { public: "signing in is what an anonymous visitor does; the code itself is the credential" },
    call: async () => {
      const email = freshEmail();
      return redeemSignInCode(email, await issueSignInCode(email, "http://localhost:3999/api/auth/callback/nodemailer?token=t"));
    },
  },
  "lib/auth/actions.ts#signOutHere": {
    wraps: "signOut",
    access: { public: "Auth.js ends only the session of the caller's own cookie; with none there is nothing to end" },
    call: null,
  },
  "lib/auth/actions.ts#signOutEverywhere": { wraps: "endOtherSessions", access: { roles: EVERYONE }, call: (actor) => endOtherSessions(actor) },
  "lib/doctors/actions.ts#submitDoctorProfile": {
    wraps: "updateMyDoctorProfile",
    access: { roles: ["DOCTOR"] },
    call: (actor) =>
      updateMyDoctorProfile(actor, { specialty: "Neurology", qualifications: "MD", languages: "English, Spanish", bio: "Headaches.", fee: "95.50" }),
  },
  "lib/patients/actions.ts#submitOnboarding": { wraps: "completeOnboarding", access: { roles: ["PATIENT"] }, call: (actor) => completeOnboarding(actor, onboardingInput) },
  "lib/users/actions.ts#submitStaffInvitation": {
    wraps: "inviteStaff",
    access: { roles: ["ADMIN"] },
    call: (actor) => inviteStaff(actor, { email: freshEmail(), name: "Matrix Doctor", role: "DOCTOR" }),
  },
  "lib/sponsorship/actions.ts#submitRoleBudget": {
    wraps: "setRoleBudget",
    access: { roles: ["ADMIN"] },
    call: (actor) => setRoleBudget(actor, { role: "PHARMACIST", dailyGas: 5_000_000 }),
  },
  "lib/sponsorship/actions.ts#submitUserBudget": {
    wraps: "setUserBudget",
    access: { roles: ["ADMIN"] },
    call: async (actor) => setUserBudget(actor, { email: (await createActor("PATIENT")).email, dailyGas: "" }),
  },
  "lib/consent/actions.ts#submitConsentGrant": {
    wraps: "grantConsent",
    access: { roles: ["PATIENT"] },
    call: async (actor) =>
      grantConsent(actor, { granteeId: (await createActor("DOCTOR")).userId, scope: "ALL", until: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10) }).catch(pastAuthorization),
  },
  "lib/consent/actions.ts#submitConsentRevocation": {
    wraps: "revokeConsent",
    access: { roles: ["PATIENT"] },
    call: (actor) => revokeConsent(actor, { consentId: randomUUID() }).catch(pastAuthorization),
  },
  "lib/admin-safe/actions.ts#submitProposal": {
    wraps: "proposeChange",
    access: { roles: ["ADMIN"] },
    call: (actor) => proposeChange(actor, { kind: "pause-token" }).catch(pastAuthorization),
  },
  "lib/admin-safe/actions.ts#submitConfirmation": {
    wraps: "confirmProposal",
    access: { roles: ["ADMIN"] },
    call: (actor) => confirmProposal(actor, { proposalId: randomUUID() }).catch(pastAuthorization),
  },
  "lib/admin-safe/actions.ts#submitWithdrawal": {
    wraps: "withdrawProposal",
    access: { roles: ["ADMIN"] },
    call: async (actor) => withdrawProposal(actor, { proposalId: await openProposal() }),
  },
  "lib/users/actions.ts#submitUserStatus": {
    wraps: "setUserStatus",
    access: { roles: ["ADMIN"] },
    call: async (actor) => setUserStatus(actor, { userId: (await createActor("DOCTOR")).userId, status: "DISABLED" }),
  },
  "lib/visits/actions.ts#submitStartVisit": {
    wraps: "startVisit",
    access: { roles: ["DOCTOR"] },
    call: async (actor) => startVisit(actor, { appointmentId: (await appointmentFixture(actor, clinicSlot(0, 3))).id }),
  },
  "lib/visits/actions.ts#submitVisitNotes": {
    wraps: "saveVisit",
    access: { roles: ["DOCTOR"] },
    call: async (actor) => saveVisit(actor, { visitId: (await visitFixture(actor)).visit.id, subjective: "s", objective: "o", assessment: "a", plan: "p", heartRateBpm: "70" }),
  },
  "lib/visits/actions.ts#submitDiagnosis": {
    wraps: "addDiagnosis",
    access: { roles: ["DOCTOR"] },
    call: async (actor) => addDiagnosis(actor, { visitId: (await visitFixture(actor)).visit.id, code: "I10" }),
  },
  "lib/visits/actions.ts#submitRemoveDiagnosis": {
    wraps: "removeDiagnosis",
    access: { roles: ["DOCTOR"] },
    call: async (actor) => {
      const { visit, doctor } = await visitFixture(actor);
      const dx = await addDiagnosis(doctor, { visitId: visit.id, code: "I10" });
      return removeDiagnosis(actor, { diagnosisId: dx.id });
    },
  },
  "lib/visits/actions.ts#submitExamOrder": {
    wraps: "addExamOrder",
    access: { roles: ["DOCTOR"] },
    call: async (actor) => addExamOrder(actor, { visitId: (await visitFixture(actor)).visit.id, name: "Full blood count" }),
  },
  "lib/visits/actions.ts#submitRemoveExamOrder": {
    wraps: "removeExamOrder",
    access: { roles: ["DOCTOR"] },
    call: async (actor) => {
      const { visit, doctor } = await visitFixture(actor);
      const order = await addExamOrder(doctor, { visitId: visit.id, name: "ECG" });
      return removeExamOrder(actor, { orderId: order.id });
    },
  },
  "lib/visits/actions.ts#submitSignVisit": {
    wraps: "signVisit",
    access: { roles: ["DOCTOR"] },
    call: async (actor) => {
      const { visit, doctor } = await visitFixture(actor);
      await saveVisit(doctor, { visitId: visit.id, subjective: "s", objective: "o", assessment: "a", plan: "p" });
      await addDiagnosis(doctor, { visitId: visit.id, code: "I10" });
      return signVisit(actor, { visitId: visit.id });
    },
  },
  "lib/visits/actions.ts#submitAmendment": {
    wraps: "amendVisit",
    access: { roles: ["DOCTOR"] },
    call: async (actor) => amendVisit(actor, { visitId: (await visitFixture(actor, { signed: true })).visit.id, reason: "Corrected the plan", subjective: "s", objective: "o", assessment: "a", plan: "p2" }),
  },
  "lib/prescriptions/actions.ts#submitPrescription": {
    wraps: "signPrescription",
    access: { roles: ["DOCTOR"] },
    call: async (actor) => signPrescription(actor, { visitId: (await visitFixture(actor)).visit.id, drugId: (await matrixDrug()).id, ...matrixOrder }, matrixChain),
  },
  "lib/break-glass/actions.ts#submitBreakGlass": {
    wraps: "openBreakGlass",
    access: { roles: ["DOCTOR"] },
    call: async (actor) => openBreakGlass(actor, { patientId: (await createActor("PATIENT")).userId, reason: "Collapsed at reception, unresponsive" }, matrixConsentChain),
  },
  "lib/break-glass/actions.ts#submitBreakGlassReview": {
    wraps: "reviewBreakGlass",
    access: { roles: ["ADMIN"] },
    call: async (actor) => {
      const access = await openBreakGlass(await createActor("DOCTOR"), { patientId: (await createActor("PATIENT")).userId, reason: "Collapsed at reception, unresponsive" }, matrixConsentChain);
      return reviewBreakGlass(actor, { accessId: access.id, verdict: "JUSTIFIED" });
    },
  },
  "lib/scheduling/actions.ts#submitBooking": {
    wraps: "bookAppointment",
    access: { roles: ["PATIENT", "ADMIN"] },
    call: async (actor) =>
      bookAppointment(actor, {
        doctorId: (await createDoctorWithHours()).userId,
        startsAt: clinicSlot(3, 10),
        patientId: actor?.role === "PATIENT" ? undefined : (await createActor("PATIENT")).userId,
      }),
  },
  "lib/scheduling/actions.ts#submitReschedule": {
    wraps: "rescheduleAppointment",
    access: { roles: ["PATIENT", "ADMIN"] },
    call: async (actor) => rescheduleAppointment(actor, { appointmentId: (await appointmentFixture(actor, clinicSlot(5, 10))).id, startsAt: clinicSlot(5, 11) }),
  },
  "lib/scheduling/actions.ts#submitCancellation": {
    wraps: "cancelAppointment",
    access: { roles: ["PATIENT", "ADMIN"] },
    call: async (actor) => cancelAppointment(actor, { appointmentId: (await appointmentFixture(actor, clinicSlot(5, 10))).id }),
  },
  "lib/scheduling/actions.ts#submitCheckIn": {
    wraps: "checkInAppointment",
    access: { roles: ["DOCTOR", "ADMIN"] },
    call: async (actor) => checkInAppointment(actor, { appointmentId: (await appointmentFixture(actor, clinicSlot(0, 12))).id }),
  },
  "lib/scheduling/actions.ts#submitNoShow": {
    wraps: "markNoShow",
    access: { roles: ["DOCTOR", "ADMIN"] },
    call: async (actor) => markNoShow(actor, { appointmentId: (await appointmentFixture(actor, clinicSlot(-2, 12))).id }),
  },
  "lib/scheduling/actions.ts#submitWorkingHours": {
    wraps: "setWorkingHours",
    access: { roles: ["DOCTOR", "ADMIN"] },
    call: async (actor) =>
      setWorkingHours(actor, {
        doctorId: actor?.role === "DOCTOR" ? undefined : (await createActor("DOCTOR")).userId,
        intervals: [{ weekday: 1, start: "09:00", end: "12:00", slotMinutes: 20 }],
      }),
  },
  "lib/scheduling/actions.ts#submitTimeOff": {
    wraps: "addTimeOff",
    access: { roles: ["DOCTOR", "ADMIN"] },
    call: async (actor) =>
      addTimeOff(actor, { doctorId: actor?.role === "DOCTOR" ? undefined : (await createActor("DOCTOR")).userId, kind: "LEAVE", startsAt: clinicSlot(20, 0), endsAt: clinicSlot(22, 0) }),
  },
  "lib/scheduling/actions.ts#submitRemoveTimeOff": {
    wraps: "removeTimeOff",
    access: { roles: ["DOCTOR", "ADMIN"] },
    call: async (actor) => {
      const doctorId = actor?.role === "DOCTOR" ? actor.userId : (await createActor("DOCTOR")).userId;
      const row = await db().timeOff.create({ data: { doctorId, kind: "BLOCK", startsAt: clinicSlot(20, 9), endsAt: clinicSlot(20, 10) } });
      return removeTimeOff(actor, { timeOffId: row.id });
    },
  },
  "lib/pharmacy/catalogue/actions.ts#lookupDrugs": { wraps: "searchDrugs", access: { roles: ["DOCTOR", "PHARMACIST", "ADMIN"] }, call: (actor) => searchDrugs(actor, { query: "ibu" }) },
  "lib/pharmacy/catalogue/actions.ts#submitNewDrug": {
    wraps: "createDrug",
    access: { roles: ["PHARMACIST"] },
    call: (actor) => addCatalogueItem(actor, { name: "Matrix item", genericName: "matrix", form: "TABLET", strength: "1 mg", packSize: 10, priceCents: 100, otc: false, controlled: false }),
  },
  "lib/pharmacy/catalogue/actions.ts#submitDrugUpdate": {
    wraps: "updateDrug",
    access: { roles: ["PHARMACIST"] },
    call: async (actor) => updateDrug(actor, { drugId: (await createDrug()).id, priceCents: 250, reorderLevel: 3, reorderQuantity: 10, otc: true, active: true }),
  },
  "lib/pharmacy/dispensing/actions.ts#submitDispense": {
    wraps: "dispensePrescription",
    access: { roles: ["PHARMACIST"] },
    // Past authorization it reads PrescriptionRegistry, and this tier runs no chain: UNAVAILABLE means allowed.
    call: async (actor) => dispensePrescription(actor, { code: (await prescribed()).rx.code, quantity: 1 }).catch(unavailableAsAllowed),
  },
  "lib/pharmacy/sales/actions.ts#submitSale": {
    wraps: "createSale",
    access: { roles: ["PHARMACIST"] },
    call: async (actor) => createSale(actor, { lines: [{ drugId: (await pharmacyFixtures.stockedLot()).drug.id, quantity: 1 }], paymentMethod: "CARD" }),
  },
  "lib/pharmacy/sales/actions.ts#submitSaleReturn": {
    wraps: "returnSale",
    access: { roles: ["PHARMACIST"] },
    call: async (actor) => {
      const { saleId, saleLineId } = await pharmacyFixtures.sale();
      return returnSale(actor, { saleId, lines: [{ saleLineId, quantity: 1 }], reason: "matrix" });
    },
  },
  "lib/pharmacy/inventory/actions.ts#submitStockAdjustment": {
    wraps: "adjustStock",
    access: { roles: ["PHARMACIST"] },
    call: async (actor) => adjustStock(actor, { lotId: (await pharmacyFixtures.stockedLot()).lotId, quantity: -1, reason: "matrix recount" }),
  },
  "lib/pharmacy/inventory/actions.ts#submitExpiredWriteOff": {
    wraps: "expireLots",
    access: { roles: ["PHARMACIST"] },
    call: async (actor) => expireLots(actor, { lotId: (await pharmacyFixtures.stockedLot(-1)).lotId }),
  },
  "lib/pharmacy/procurement/actions.ts#submitSupplier": {
    wraps: "createSupplier",
    access: { roles: ["PHARMACIST"] },
    call: (actor) => createSupplier(actor, { name: `Matrix ${randomUUID()}` }),
  },
  "lib/pharmacy/procurement/actions.ts#submitPurchaseOrder": {
    wraps: "createPurchaseOrder",
    access: { roles: ["PHARMACIST"] },
    call: async (actor) => createPurchaseOrder(actor, { supplierId: (await pharmacyFixtures.supplier()).id }),
  },
  "lib/pharmacy/procurement/actions.ts#submitOrderLine": {
    wraps: "addPurchaseOrderLine",
    access: { roles: ["PHARMACIST"] },
    call: async (actor) =>
      addPurchaseOrderLine(actor, { purchaseOrderId: (await pharmacyFixtures.order("DRAFT")).purchaseOrderId, drugId: (await createDrug()).id, quantity: 2, unitCostCents: 50 }),
  },
  "lib/pharmacy/procurement/actions.ts#submitRemoveOrderLine": {
    wraps: "removePurchaseOrderLine",
    access: { roles: ["PHARMACIST"] },
    call: async (actor) => removePurchaseOrderLine(actor, await pharmacyFixtures.order("DRAFT")),
  },
  "lib/pharmacy/procurement/actions.ts#submitSendOrder": {
    wraps: "sendPurchaseOrder",
    access: { roles: ["PHARMACIST"] },
    call: async (actor) => sendPurchaseOrder(actor, await pharmacyFixtures.order("DRAFT")),
  },
  "lib/pharmacy/procurement/actions.ts#submitCancelOrder": {
    wraps: "cancelPurchaseOrder",
    access: { roles: ["PHARMACIST"] },
    call: async (actor) => cancelPurchaseOrder(actor, await pharmacyFixtures.order("SENT")),
  },
  "lib/pharmacy/procurement/actions.ts#submitReceipt": {
    wraps: "receivePurchaseOrder",
    access: { roles: ["PHARMACIST"] },
    call: async (actor) => {
      const { purchaseOrderId, lineId } = await pharmacyFixtures.order("SENT");
      return receivePurchaseOrder(actor, { purchaseOrderId, lines: [{ lineId, quantity: 5, lotNumber: "MX-1", expiresOn: "2030-01-31" }] });
    },
  },
};

/** Data functions that pages read through; no server action wraps them, so they are listed here on their own. */
const PAGE_DATA: Record<string, { roles: readonly Role[]; call: (actor: Actor | null, self: Actor | null) => Promise<unknown> }> = {
  "getMedicalHistory (one's own)": { roles: ["PATIENT"], call: (actor) => getMedicalHistory(actor, actor?.userId ?? randomUUID()) },
  "getMedicalHistory (a patient who consented to the caller)": { roles: ["DOCTOR"], call: async (actor) => getMedicalHistory(actor, await recordsFixtures.consentingPatient(actor, "ALL")) },
  "getMedicalHistory (another patient's, no consent: IDOR)": { roles: [], call: async (actor) => getMedicalHistory(actor, (await createActor("PATIENT")).userId) },
  "getClinicalEntry (one's own)": { roles: ["PATIENT"], call: async (actor) => getClinicalEntry(actor, { patientId: actor?.userId ?? randomUUID(), entryId: await recordsFixtures.entryOf(actor) }) },
  "getClinicalEntry (another patient's, no consent: IDOR)": {
    roles: [],
    call: async (actor) => {
      const other = (await createActor("PATIENT")).userId;
      return getClinicalEntry(actor, { patientId: other, entryId: await recordsFixtures.entry(other) });
    },
  },
  "getChartPatient (a patient who consented to the caller)": { roles: ["DOCTOR"], call: async (actor) => getChartPatient(actor, await recordsFixtures.consentingPatient(actor, "conditions")) },
  "listFhirImports (one's own)": { roles: ["PATIENT", "ADMIN"], call: (actor) => listFhirImports(actor, actor?.userId ?? randomUUID()) },
  "listInsurance (one's own)": { roles: ["PATIENT", "ADMIN"], call: (actor) => listInsurance(actor, actor?.userId ?? randomUUID()) },
  "listDocuments (one's own)": { roles: ["PATIENT"], call: (actor) => listDocuments(actor, actor?.userId ?? randomUUID()) },
  "getDocument (another patient's, no consent: IDOR)": { roles: [], call: async (actor) => getDocument(actor, await recordsFixtures.documentOf((await createActor("PATIENT")).userId)) },
  "getPatientProfile (another patient's record)": { roles: ["ADMIN"], call: async (actor) => getPatientProfile(actor, (await createActor("PATIENT")).userId) },
  "getPatientProfile (one's own record)": { roles: ["PATIENT", "ADMIN"], call: (actor) => getPatientProfile(actor, actor?.userId ?? randomUUID()) },
  listUsers: { roles: ["ADMIN"], call: (actor) => listUsers(actor) },
  getMyDoctorProfile: { roles: ["DOCTOR"], call: (actor) => getMyDoctorProfile(actor) },
  countUsersByRole: { roles: ["ADMIN"], call: (actor) => countUsersByRole(actor) },
  listMySessions: { roles: EVERYONE, call: (actor) => listMySessions(actor) },
  searchDoctors: { roles: ["PATIENT", "DOCTOR", "ADMIN"], call: (actor) => searchDoctors(actor, {}) },
  listSpecialties: { roles: ["PATIENT", "DOCTOR", "ADMIN"], call: (actor) => listSpecialties(actor) },
  listFreeSlots: { roles: ["PATIENT", "DOCTOR", "ADMIN"], call: async (actor) => listFreeSlots(actor, { doctorId: (await createDoctorWithHours()).userId }) },
  listMyAppointments: { roles: ["PATIENT"], call: (actor) => listMyAppointments(actor) },
  listBreakGlassEvents: { roles: ["ADMIN"], call: (actor) => listBreakGlassEvents(actor) },
  findPatientsForEmergency: { roles: ["DOCTOR"], call: (actor) => findPatientsForEmergency(actor, { q: "Test" }) },
  preparePrescription: { roles: ["DOCTOR"], call: async (actor) => preparePrescription(actor, { visitId: (await visitFixture(actor)).visit.id, drugId: (await matrixDrug()).id }) },
  "getPrescriptionByCode (one's own, one's written, or at the pharmacy)": { roles: ["PATIENT", "DOCTOR", "PHARMACIST"], call: async (actor) => getPrescriptionByCode(actor, { code: await matrixPrescription(actor) }) },
  "getPrescriptionByCode (another patient's, another doctor's)": { roles: ["PHARMACIST"], call: async (actor) => getPrescriptionByCode(actor, { code: await matrixPrescription(null) }) },
  "listPatientPrescriptions (one's own, or written by oneself)": { roles: ["PATIENT", "DOCTOR"], call: async (actor) => listPatientPrescriptions(actor, { patientId: await matrixPrescriptionPatient(actor) }) },
  "listPatientPrescriptions (another patient's, no consent)": { roles: [], call: async (actor) => listPatientPrescriptions(actor, { patientId: await matrixPrescriptionPatient(null) }) },
  "getVisit (one's own signed visit, or the visit one holds)": { roles: ["PATIENT", "DOCTOR"], call: async (actor) => getVisit(actor, { visitId: (await visitFixture(actor, { signed: true })).visit.id }) },
  "getVisit (another patient's, no consent)": { roles: [], call: async (actor) => getVisit(actor, { visitId: (await visitFixture(null, { signed: true })).visit.id }) },
  "listPatientVisits (one's own, or a patient one has seen)": { roles: ["PATIENT", "DOCTOR"], call: async (actor) => listPatientVisits(actor, { patientId: (await visitFixture(actor, { signed: true })).patientId }) },
  "listPatientVisits (another patient's, no consent)": { roles: [], call: async (actor) => listPatientVisits(actor, { patientId: (await visitFixture(null, { signed: true })).patientId }) },
  getDoctorDay: { roles: ["DOCTOR"], call: (actor) => getDoctorDay(actor) },
  listClinicAppointments: { roles: ["ADMIN"], call: (actor) => listClinicAppointments(actor) },
  listPatientsForBooking: { roles: ["PATIENT", "ADMIN"], call: (actor) => listPatientsForBooking(actor) },
  "getDoctorSchedule (one's own, or a named doctor's for an admin)": {
    roles: ["DOCTOR", "ADMIN"],
    call: async (actor) => getDoctorSchedule(actor, { doctorId: actor?.role === "DOCTOR" ? undefined : (await createDoctorWithHours()).userId }),
  },
  "getDoctorSchedule (another doctor's)": { roles: ["ADMIN"], call: async (actor) => getDoctorSchedule(actor, { doctorId: (await createDoctorWithHours()).userId }) },
  listMyAccessLog: { roles: ["PATIENT"], call: (actor) => listMyAccessLog(actor) },
  "getAuditProof (an event about oneself)": { roles: ["PATIENT", "ADMIN"], call: async (actor) => getAuditProof(actor, await auditEventAbout(actor?.userId)) },
  "getAuditProof (an event about another patient)": {
    roles: ["ADMIN"],
    call: async (actor) => getAuditProof(actor, await auditEventAbout((await createActor("PATIENT")).userId)).catch(notFoundAsForbidden),
  },
  exportMyAuditEvents: { roles: ["PATIENT"], call: (actor) => exportMyAuditEvents(actor) },
  reviewAuditTrail: { roles: ["ADMIN"], call: (actor) => reviewAuditTrail(actor) },
  listMyConsents: { roles: ["PATIENT"], call: (actor) => listMyConsents(actor) },
  listDoctorsForConsent: { roles: ["PATIENT"], call: (actor) => listDoctorsForConsent(actor) },
  getAdminSafeOverview: { roles: ["ADMIN"], call: (actor) => getAdminSafeOverview(actor).catch(pastAuthorization) },
  getMyWallet: { roles: EVERYONE, call: (actor) => getMyWallet(actor) },
  getSponsorshipOverview: { roles: ["ADMIN"], call: (actor) => getSponsorshipOverview(actor) },
  // Past authorization it needs the chain's paymaster, which this tier does not configure: UNAVAILABLE means allowed.
  sponsorUserOperation: { roles: EVERYONE, call: (actor) => sponsorUserOperation(actor, {}).catch(unavailableAsAllowed) },
  getDrugStockAndPrice: { roles: ["DOCTOR", "PHARMACIST", "ADMIN"], call: async (actor) => getDrugStockAndPrice(actor, [(await createDrug()).id]) },
  listStock: { roles: ["PHARMACIST", "ADMIN"], call: (actor) => listStock(actor, { query: "a" }) },
  getDrugStock: { roles: ["PHARMACIST", "ADMIN"], call: async (actor) => getDrugStock(actor, (await createDrug()).id) },
  getStockAlerts: { roles: ["PHARMACIST", "ADMIN"], call: (actor) => getStockAlerts(actor, { expiringWithinDays: 30 }) },
  getPharmacyReport: { roles: ["PHARMACIST", "ADMIN"], call: (actor) => getPharmacyReport(actor, { days: 7 }) },
  getClinicReport: { roles: ["ADMIN"], call: (actor) => getClinicReport(actor, { days: 7 }) },
  listRecentSales: { roles: ["PHARMACIST"], call: (actor) => listRecentSales(actor) },
  getSale: { roles: ["PHARMACIST"], call: async (actor) => getSale(actor, (await pharmacyFixtures.sale()).saleId) },
  listSuppliers: { roles: ["PHARMACIST"], call: (actor) => listSuppliers(actor) },
  listPurchaseOrders: { roles: ["PHARMACIST"], call: (actor) => listPurchaseOrders(actor) },
  getPurchaseOrder: { roles: ["PHARMACIST"], call: async (actor) => getPurchaseOrder(actor, (await pharmacyFixtures.order("DRAFT")).purchaseOrderId) },
  getReorderSuggestions: { roles: ["PHARMACIST"], call: (actor) => getReorderSuggestions(actor) },
  findPrescriptionsByPatient: { roles: ["PHARMACIST"], call: (actor) => findPrescriptionsByPatient(actor, { patient: "Lopez" }) },
  getDispensingView: {
    roles: ["PHARMACIST"],
    call: async (actor) => getDispensingView(actor, { code: (await prescribed()).rx.code }).catch(unavailableAsAllowed),
  },
  getDispense: {
    roles: ["PHARMACIST"],
    call: async (actor) => getDispense(actor, (await recordedDispense()).id),
  },
};

/**
 * This tier runs no chain: a data function that reaches for it after authorizing fails UNAVAILABLE, which shows the
 * caller got past the policy. The chain-backed behaviour is tested in lib/admin-safe/proposals.integration.test.ts.
 */
function pastAuthorization(error: unknown): string {
  if (error instanceof AppError && error.code === "UNAVAILABLE") return "past authorization";
  throw error;
}

/** An open admin Safe proposal (of a Safe of its own, so each is the only open one). */
async function openProposal(): Promise<string> {
  const proposer = await createActor("ADMIN");
  const safe = `0x${randomUUID().replaceAll("-", "").padEnd(40, "0")}`;
  const row = await db().adminProposal.create({
    data: { kind: "pause-token", summary: "matrix", chainId: 31337, safeAddress: safe, to: safe, value: "0", data: "0x", nonce: 0n, safeTxHash: "0x", proposedById: proposer.userId },
  });
  return row.id;
}

const matrixConsentChain = { contracts: { ConsentRegistry: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" } } as unknown as Parameters<typeof openBreakGlass>[2];
const matrixChain = { contracts: { PrescriptionRegistry: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9" } } as unknown as Parameters<typeof signPrescription>[2];
const matrixOrder = { dose: "1 tablet", route: "oral", frequency: "once daily", durationDays: 5, quantity: 5, refills: 0 } as const;
const matrixDrug = () => db().drug.create({ data: { name: `Matrix ${randomUUID()}`, genericName: "loratadine", form: "TABLET", strength: "10 mg", packSize: 10, priceCents: 500 } });

/** A signed prescription of a visit the actor is party to when they can be (see visitFixture); its patient. */
async function matrixPrescriptionOf(actor: Actor | null) {
  const { visit, doctor, patientId } = await visitFixture(actor);
  const rx = await signPrescription(doctor, { visitId: visit.id, drugId: (await matrixDrug()).id, ...matrixOrder }, matrixChain);
  return { code: rx.code, patientId };
}
const matrixPrescription = async (actor: Actor | null) => (await matrixPrescriptionOf(actor)).code;
const matrixPrescriptionPatient = async (actor: Actor | null) => (await matrixPrescriptionOf(actor)).patientId;

/** The id of a new audit event about the given patient (a fresh one when none is given). */
async function auditEventAbout(patientId: string = randomUUID()): Promise<string> {
  const resourceId = randomUUID();
  await recordAuditNow({ actor: null, patientId, action: "read", resourceType: "Matrix", resourceId, purpose: "authorization matrix" });
  return (await db().auditEvent.findFirstOrThrow({ where: { resourceId } })).id;
}

function unavailableAsAllowed(error: unknown): void {
  if (!(error instanceof AppError && error.code === "UNAVAILABLE")) throw error;
}

/** Someone else's event is reported as absent (404) rather than forbidden, so its existence is not revealed. */
function notFoundAsForbidden(error: unknown): never {
  throw error instanceof AppError && error.code === "NOT_FOUND" ? new AppError("FORBIDDEN", error.message) : error;
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
/** A route handler is public (with the reason) or calls a data function listed above (`wraps`), which authorizes. */
const ROUTE_HANDLERS: Record<string, { methods: string[] } & ({ public: string } | { wraps: string })> = {
  "app/api/documents/[documentId]/route.ts": { methods: ["GET"], wraps: "openDocument" },
  "app/api/audit/proof/[eventId]/route.ts": { methods: ["GET"], wraps: "getAuditProof" },
  "app/api/fhir/AuditEvent/route.ts": { methods: ["GET"], wraps: "exportMyAuditEvents" },
  "app/api/paymaster/route.ts": { methods: ["POST"], wraps: "sponsorUserOperation" },
  "app/api/health/route.ts": { methods: ["GET"], public: "reports whether the database, chain and bundler answer; it says nothing about any person" },
  "app/api/auth/[...nextauth]/route.ts": { methods: ["GET", "POST"], public: "Auth.js's sign-in endpoint: anonymous visitors must reach it to sign in" },
};

// ---------------------------------------------------------------------------------------------------------------

const root = join(import.meta.dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" || path === join("lib", "generated") ? [] : sourceFiles(path);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

const ALL_SOURCES = [...sourceFiles("lib"), ...sourceFiles("app")];
const withoutLeadingComments = (src: string) => src.replace(/^(\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/, "");
const USE_SERVER = /^["']use server["']/;
const ACTION_MODULES = ALL_SOURCES.filter((f) => USE_SERVER.test(withoutLeadingComments(readFileSync(join(root, f), "utf8"))));
const ROUTE_MODULES = sourceFiles("app").filter((f) => /(^|\/)route\.(ts|js)$/.test(f));

/**
 * A module's runtime exports, read from its source (importing Auth.js outside Next.js is not possible).
 * Forms this reader does not understand are reported as such, so they cannot slip past the matrix.
 */
function exportsOf(file: string): { name: string; async: boolean }[] {
  const source = readFileSync(join(root, file), "utf8");
  const found: { name: string; async: boolean }[] = [];
  for (const line of source.split("\n").filter((l) => l.startsWith("export"))) {
    let m: RegExpExecArray | null;
    if (/^export\s+(declare\s+)?(type|interface)\b/.test(line)) continue;
    if ((m = /^export\s+(async\s+)?function\*?\s+(\w+)/.exec(line))) found.push({ name: m[2]!, async: Boolean(m[1]) });
    else if ((m = /^export\s+(?:const|let|var)\s+(\w+)\s*(?::[^=]+)?=\s*(async\b)?/.exec(line))) found.push({ name: m[1]!, async: Boolean(m[2]) });
    else if ((m = /^export\s+(?:const|let|var)\s+\{([^}]*)\}/.exec(line)) || (m = /^export\s*\{([^}]*)\}/.exec(line))) {
      for (const part of m[1]!.split(",").map((p) => p.trim()).filter((p) => p && !p.startsWith("type "))) {
        found.push({ name: part.split(/\s+as\s+|\s*:\s*/).pop()!.trim(), async: false });
      }
    } else found.push({ name: `unreadable export: ${line}`, async: false });
  }
  return found;
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

function expectedOutcome(access: Access | { roles: readonly Role[] }, who: Who): string {
  if ("public" in access) return "allowed";
  if (who === "anonymous") return "UNAUTHENTICATED";
  return access.roles.includes(who) ? "allowed" : "FORBIDDEN";
}

const actorFor = (who: Who) => (who === "anonymous" ? Promise.resolve(null) : createActor(who, { onboarded: false }));
const WHO: Who[] = [...ROLES, "anonymous"];

describe("every server action and route handler is in the matrix", () => {
  it("finds the server-action modules by their 'use server' directive", () => {
    expect(ACTION_MODULES.length).toBeGreaterThan(0);
    expect(ACTION_MODULES).toContain("lib/auth/actions.ts");
  });

  it("has an entry for every exported server action, and none for actions that no longer exist", () => {
    const found: string[] = [];
    for (const file of ACTION_MODULES) {
      for (const { name, async } of exportsOf(file)) {
        expect(async, `${file}#${name}: a server action module exports only async functions`).toBe(true);
        found.push(`${file}#${name}`);
      }
    }
    expect(found.sort()).toEqual(Object.keys(SERVER_ACTIONS).sort());
  });

  it("declares no inline server actions outside those modules", () => {
    const inline = ALL_SOURCES.filter((f) => !ACTION_MODULES.includes(f) && /^\s+["']use server["']/m.test(readFileSync(join(root, f), "utf8")));
    expect(inline).toEqual([]);
  });

  it("names, for each action, a data function the action really calls", () => {
    for (const [key, entry] of Object.entries(SERVER_ACTIONS)) {
      const [file, name] = key.split("#") as [string, string];
      const source = readFileSync(join(root, file), "utf8");
      const body = source.slice(source.indexOf(`function ${name}(`));
      const end = body.search(/\n}\n/);
      expect(body.slice(0, end), `${key} should call ${entry.wraps}`).toMatch(new RegExp(`\\b${entry.wraps}\\(`));
    }
  });

  it("reads exports in every form this code base uses", () => {
    expect(exportsOf("app/api/auth/[...nextauth]/route.ts").map((e) => e.name)).toEqual(["GET", "POST"]);
    expect(exportsOf("app/api/health/route.ts")).toEqual([
      { name: "dynamic", async: false },
      { name: "GET", async: true },
    ]);
  });

  it("has an entry for every route handler and its HTTP methods", () => {
    const found: Record<string, string[]> = {};
    for (const file of ROUTE_MODULES) {
      const names = exportsOf(file).map((e) => e.name);
      expect(names.filter((n) => n.startsWith("unreadable")), file).toEqual([]);
      found[file] = names.filter((n) => HTTP_METHODS.includes(n)).sort();
    }
    expect(found).toEqual(Object.fromEntries(Object.entries(ROUTE_HANDLERS).map(([f, e]) => [f, [...e.methods].sort()])));
    for (const [file, entry] of Object.entries(ROUTE_HANDLERS)) {
      if ("public" in entry) expect(entry.public.length).toBeGreaterThan(20);
      else expect(readFileSync(join(root, file), "utf8"), `${file} should call ${entry.wraps}`).toMatch(new RegExp(`\\b${entry.wraps}\\(`));
    }
  });
});

describe("server actions: the data function each wraps, called as every role and as nobody", () => {
  const cases = Object.entries(SERVER_ACTIONS)
    .filter(([, e]) => e.call)
    .flatMap(([key, entry]) => WHO.map((who) => [key, who, expectedOutcome(entry.access, who), entry] as const));

  it.each(cases)("%s as %s: %s", async (_, who, expected, entry) => {
    expect(await outcome(entry.call!(await actorFor(who)))).toBe(expected);
  });
});

describe("data functions behind pages, called as every role and as nobody", () => {
  const cases = Object.entries(PAGE_DATA).flatMap(([name, entry]) => WHO.map((who) => [name, who, expectedOutcome(entry, who), entry] as const));

  it.each(cases)("%s as %s: %s", async (_, who, expected, entry) => {
    const actor = who === "anonymous" ? null : await createActor(who);
    expect(await outcome(entry.call(actor, actor))).toBe(expected);
  });
});

describe("public route handlers", () => {
  it("/api/health reports only the state of dependencies, nothing about a person", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["dependencies", "down", "status", "time"]);
    expect((body.dependencies as { name: string }[]).map((d) => d.name)).toEqual(["database", "chain", "paymaster", "bundler"]);
    expect((body.dependencies as { name: string; up: boolean }[]).find((d) => d.name === "database")?.up).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/@|patient|email/i);
  });
});
