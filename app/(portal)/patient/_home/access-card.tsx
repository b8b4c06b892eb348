import { ButtonLink, Card, CardBody, CardHeader } from "@/components/ui";

/** Consents and the access log live in the consent domain's pages; home points there. */
export function AccessCard() {
  return (
    <Card>
      <CardHeader title="Who may see your record" />
      <CardBody className="space-y-3">
        <p>You decide which clinicians may see which parts of your record, and you can see every access to it.</p>
        <ButtonLink href="/patient/access-log" variant="secondary" size="sm">
          Who accessed my record
        </ButtonLink>
      </CardBody>
    </Card>
  );
}
