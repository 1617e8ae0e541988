import { Loader } from "@mantine/core";
import { useParams, useSearchParams } from "react-router";

import { useMyPortal } from "../api/portal";
import { LinkRefused } from "./link-refused";
import { PortalPage } from "./portal-page";
import { PortalShell } from "./portal-shell";

/** The invoice and estimate emails link to /portal/invoices/<id> and /portal/estimates/<id>?decision=approve|decline:
 * the page brings that record forward (a decision is only offered, never taken, by opening a link). */
function linkedRecord({ estimateId, invoiceId }: { estimateId?: string; invoiceId?: string }, decision: string | null) {
  if (estimateId) {
    const button = decision === "decline" ? "Decline" : "Approve";
    return { elementId: `estimate-${estimateId}`, selector: `button[aria-label^="${button}"]` };
  }
  return invoiceId ? { elementId: `invoice-${invoiceId}`, selector: "a" } : null;
}

/** /portal: the signed-in customer's own page (the session cookie says whose). */
export function MyPortal() {
  const [params] = useSearchParams();
  const focus = linkedRecord(useParams(), params.get("decision"));
  const view = useMyPortal();
  if (view.isPending) return <PortalShell><Loader aria-label="Loading your page" /></PortalShell>;
  if (view.isError) return <PortalShell><LinkRefused error={view.error} retry={() => view.refetch()} /></PortalShell>;
  return (
    <PortalShell name={view.data.customer.name}>
      <PortalPage view={view.data} reviewJobId={params.get("review")} focus={focus} />
    </PortalShell>
  );
}
