/** The demo clinic: believable, entirely fictional people. Every address is on example.com, which never receives mail. */

export interface DemoStaff {
  email: string;
  name: string;
  role: "DOCTOR" | "PHARMACIST" | "ADMIN";
  doctor?: { specialty: string; qualifications: string; languages: string[]; bio: string; feeCents: number };
}

export interface DemoPatient {
  email: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: "FEMALE" | "MALE" | "OTHER" | "UNKNOWN";
  phone: string;
  addressLine: string;
  city: string;
  postalCode: string;
  emergency: { name: string; phone: string; relation: string };
}

export const DEMO_STAFF: DemoStaff[] = [
  { email: "admin@example.com", name: "Amara Okafor", role: "ADMIN" },
  { email: "admin2@example.com", name: "Jonas Weber", role: "ADMIN" },
  {
    email: "dr.chen@example.com",
    name: "Dr. Lena Chen",
    role: "DOCTOR",
    doctor: {
      specialty: "Cardiology",
      qualifications: "MD, FACC — board-certified cardiologist",
      languages: ["English", "Mandarin"],
      bio: "Heart rhythm disorders, hypertension and heart failure follow-up.",
      feeCents: 12_000,
    },
  },
  {
    email: "dr.okafor@example.com",
    name: "Dr. Samuel Okafor",
    role: "DOCTOR",
    doctor: {
      specialty: "Pediatrics",
      qualifications: "MD, FAAP",
      languages: ["English", "Yoruba"],
      bio: "Well-child visits, vaccinations, asthma and allergies in children.",
      feeCents: 9_000,
    },
  },
  {
    email: "dr.lindqvist@example.com",
    name: "Dr. Ingrid Lindqvist",
    role: "DOCTOR",
    doctor: {
      specialty: "Dermatology",
      qualifications: "MD, PhD — dermatology and venereology",
      languages: ["English", "Swedish", "German"],
      bio: "Skin cancer screening, eczema, psoriasis and acne.",
      feeCents: 11_000,
    },
  },
  {
    email: "dr.haddad@example.com",
    name: "Dr. Karim Haddad",
    role: "DOCTOR",
    doctor: {
      specialty: "Family medicine",
      qualifications: "MD — family physician",
      languages: ["English", "Arabic", "French"],
      bio: "Everyday care for the whole family, chronic disease management, diabetes.",
      feeCents: 8_000,
    },
  },
  { email: "pharmacist@example.com", name: "Priya Raman", role: "PHARMACIST" },
  { email: "pharmacist2@example.com", name: "Tomás Ferreira", role: "PHARMACIST" },
];

export const DEMO_PATIENTS: DemoPatient[] = [
  { email: "patient@example.com", givenName: "Maria", familyName: "Lopez", dateOfBirth: "1984-03-12", sex: "FEMALE", phone: "+1 555 010 1001", addressLine: "12 Harbor Street", city: "Springfield", postalCode: "01101", emergency: { name: "Diego Lopez", phone: "+1 555 010 2001", relation: "Spouse" } },
  { email: "james.walker@example.com", givenName: "James", familyName: "Walker", dateOfBirth: "1957-11-02", sex: "MALE", phone: "+1 555 010 1002", addressLine: "48 Elm Avenue", city: "Springfield", postalCode: "01103", emergency: { name: "Ruth Walker", phone: "+1 555 010 2002", relation: "Daughter" } },
  { email: "aisha.khan@example.com", givenName: "Aisha", familyName: "Khan", dateOfBirth: "1992-07-21", sex: "FEMALE", phone: "+1 555 010 1003", addressLine: "7 Maple Court", city: "Chicopee", postalCode: "01013", emergency: { name: "Omar Khan", phone: "+1 555 010 2003", relation: "Brother" } },
  { email: "noah.bennett@example.com", givenName: "Noah", familyName: "Bennett", dateOfBirth: "2016-01-30", sex: "MALE", phone: "+1 555 010 1004", addressLine: "301 River Road", city: "Holyoke", postalCode: "01040", emergency: { name: "Claire Bennett", phone: "+1 555 010 2004", relation: "Mother" } },
  { email: "mei.tanaka@example.com", givenName: "Mei", familyName: "Tanaka", dateOfBirth: "1978-09-14", sex: "FEMALE", phone: "+1 555 010 1005", addressLine: "22 Cedar Lane", city: "Westfield", postalCode: "01085", emergency: { name: "Kenji Tanaka", phone: "+1 555 010 2005", relation: "Husband" } },
  { email: "oluwaseun.adeyemi@example.com", givenName: "Oluwaseun", familyName: "Adeyemi", dateOfBirth: "1969-05-05", sex: "MALE", phone: "+1 555 010 1006", addressLine: "90 Oak Street", city: "Springfield", postalCode: "01104", emergency: { name: "Funmi Adeyemi", phone: "+1 555 010 2006", relation: "Wife" } },
  { email: "sofia.rossi@example.com", givenName: "Sofia", familyName: "Rossi", dateOfBirth: "2001-12-19", sex: "FEMALE", phone: "+1 555 010 1007", addressLine: "5 Birch Way", city: "Agawam", postalCode: "01001", emergency: { name: "Luca Rossi", phone: "+1 555 010 2007", relation: "Father" } },
  { email: "alex.morgan@example.com", givenName: "Alex", familyName: "Morgan", dateOfBirth: "1989-04-08", sex: "OTHER", phone: "+1 555 010 1008", addressLine: "16 Pine Terrace", city: "Longmeadow", postalCode: "01106", emergency: { name: "Sam Morgan", phone: "+1 555 010 2008", relation: "Partner" } },
  { email: "henry.dubois@example.com", givenName: "Henry", familyName: "Dubois", dateOfBirth: "1945-08-27", sex: "MALE", phone: "+1 555 010 1009", addressLine: "3 Willow Drive", city: "Ludlow", postalCode: "01056", emergency: { name: "Anne Dubois", phone: "+1 555 010 2009", relation: "Daughter" } },
  { email: "grace.kim@example.com", givenName: "Grace", familyName: "Kim", dateOfBirth: "1996-02-11", sex: "FEMALE", phone: "+1 555 010 1010", addressLine: "77 Summit Street", city: "Springfield", postalCode: "01108", emergency: { name: "Daniel Kim", phone: "+1 555 010 2010", relation: "Brother" } },
];
