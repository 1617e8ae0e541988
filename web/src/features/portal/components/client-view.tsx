import { Anchor, Loader, Stack } from "@mantine/core";
import { Link } from "react-router";

import { useClientView } from "../api/portal";
import { PortalPage } from "./portal-page";
import { PageError } from "@/components/page-error";

/** View as client: the customer's page as the office may see it, read-only. */
export function ClientView({ customerId, backLink = true }: { customerId: string; backLink?: boolean }) {
  const view = useClientView(customerId);
  if (view.isPending) return <Loader size="sm" aria-label="Loading the client's view" />;
  if (view.isError) return <PageError error={view.error} retry={() => view.refetch()} />;
  return (
    <Stack gap="sm">
      {backLink && <Anchor component={Link} to={`/customers/${customerId}`} size="sm">← Back to the workspace</Anchor>}
      <PortalPage view={view.data} readOnly compact={!backLink} />
    </Stack>
  );
}
