import { Loader } from "@mantine/core";
import { useSearchParams } from "react-router";

import { useMyPortal } from "../api/portal";
import { LinkRefused } from "./link-refused";
import { PortalPage } from "./portal-page";
import { PortalShell } from "./portal-shell";

/** /portal: the signed-in customer's own page (the session cookie says whose). */
export function MyPortal() {
  const [params] = useSearchParams();
  const view = useMyPortal();
  if (view.isPending) return <PortalShell><Loader aria-label="Loading your page" /></PortalShell>;
  if (view.isError) return <PortalShell><LinkRefused error={view.error} retry={() => view.refetch()} /></PortalShell>;
  return (
    <PortalShell name={view.data.customer.name}>
      <PortalPage view={view.data} reviewJobId={params.get("review")} />
    </PortalShell>
  );
}
