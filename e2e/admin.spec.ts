import { expect, newTrackedPage, test } from "./support/test";
import { expectAccessible } from "./support/a11y";
import { signIn } from "./support/auth";
import { waitForMail } from "./support/mail";

test("an admin invites a pharmacist, who signs in with the invited address and lands at the counter", async ({ browser }) => {
  const admin = await newTrackedPage(browser);
  await signIn(admin, "admin@example.com", "code");
  await admin.goto("/admin/users");
  await expect(admin.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expectAccessible(admin);

  const email = `new.pharmacist.${Date.now()}@example.com`;
  const since = new Date(Date.now() - 1_000);
  await admin.getByLabel("Name").fill("Ana Souza");
  await admin.getByLabel("Email address").fill(email);
  await admin.getByLabel("Role").selectOption("PHARMACIST");
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(admin.getByRole("row", { name: /Ana Souza/ })).toContainText("pending");
  const invitation = await waitForMail(email, since);
  expect(invitation.subject).toBe("You are invited to CareChain Health as Pharmacist");

  const invitee = await newTrackedPage(browser);
  await signIn(invitee, email, "code");
  await expect(invitee).toHaveURL(/\/pharmacy$/);
  await admin.reload();
  await expect(admin.getByRole("row", { name: /Ana Souza/ })).toContainText("accepted");

  // Inviting the same address again is refused with the reason.
  await admin.getByLabel("Name").fill("Ana Souza");
  await admin.getByLabel("Email address").fill(email);
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText("Someone already has an account with this email address.")).toBeVisible();
});
