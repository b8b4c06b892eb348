import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { getMyDoctorProfile } from "@/lib/doctors/doctor-profile";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Profile" };

export default async function DoctorProfilePage() {
  const user = await requirePermission("area:doctor");
  const profile = await getMyDoctorProfile(user);
  return (
    <>
      <PageHeader title="Profile" description="How patients find you in the directory. Working hours and time off are on the Schedule page." />
      <ProfileForm
        values={{
          specialty: profile?.specialty ?? "",
          qualifications: profile?.qualifications ?? "",
          languages: profile?.languages.join(", ") ?? "",
          bio: profile?.bio ?? "",
          fee: profile ? (profile.feeCents / 100).toFixed(2) : "",
        }}
      />
    </>
  );
}
