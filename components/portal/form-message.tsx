import { Alert } from "@/components/ui";
import type { FormState } from "@/lib/actions/form-state";

/** The outcome of a server action, announced to screen readers. */
export function FormMessage({ state }: { state: FormState }) {
  if (state.error) return <Alert tone="danger">{state.error}</Alert>;
  if (state.ok && state.message) return <Alert tone="success">{state.message}</Alert>;
  return null;
}
