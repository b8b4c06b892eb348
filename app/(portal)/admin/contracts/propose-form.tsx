"use client";

import { useActionState, useState } from "react";
import { FormField, Input, Select, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import { submitProposal } from "@/lib/admin-safe/actions";
import { PROPOSAL_KINDS, type ProposalKind } from "@/lib/admin-safe/schemas";
import type { FormState } from "@/lib/actions/form-state";

interface Person {
  id: string;
  label: string;
}

export function ProposeForm({ doctors, pharmacists, people }: { doctors: Person[]; pharmacists: Person[]; people: Person[] }) {
  const [state, action] = useActionState<FormState, FormData>(submitProposal, {});
  const [kind, setKind] = useState<ProposalKind>("verify-clinician");
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 md:grid-cols-2">
        <FormField label="Change" required>
          <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value as ProposalKind)}>
            {Object.entries(PROPOSAL_KINDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </FormField>
        {(kind === "verify-clinician" || kind === "unverify-clinician") && (
          <FormField label="Doctor" error={error("doctorId")} required>
            <Select name="doctorId" defaultValue="">
              <option value="" disabled>
                Choose a doctor
              </option>
              {doctors.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </Select>
          </FormField>
        )}
        {(kind === "verify-pharmacy" || kind === "unverify-pharmacy") && (
          <FormField label="Pharmacist" error={error("pharmacistId")} required>
            <Select name="pharmacistId" defaultValue="">
              <option value="" disabled>
                Choose a pharmacist
              </option>
              {pharmacists.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </Select>
          </FormField>
        )}
        {kind === "mint-care" && (
          <>
            <FormField label="Recipient" error={error("userId")} required>
              <Select name="userId" defaultValue="">
                <option value="" disabled>
                  Choose a person
                </option>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label="Amount (CARE)" error={error("amount")} required>
              <Input name="amount" inputMode="decimal" autoComplete="off" />
            </FormField>
          </>
        )}
        {kind === "set-paymaster-signer" && (
          <FormField label="New signer address" hint="The key the sponsorship service signs with." error={error("signer")} required>
            <Input name="signer" autoComplete="off" spellCheck={false} />
          </FormField>
        )}
        {kind === "grant-anchorer" && (
          <FormField label="Anchoring account" hint="The operator account (OPERATOR_KEY) of the worker." error={error("account")} required>
            <Input name="account" autoComplete="off" spellCheck={false} />
          </FormField>
        )}
      </div>
      <SubmitButton>Propose and sign</SubmitButton>
    </form>
  );
}
