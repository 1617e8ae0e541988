import { ClientView } from "@/features/portal/components/client-view";

/** The portal as the customer sees it, read-only (the portal's own page components, every action hidden), with
 * only the sections this staff user may see. */
export function PortalViewDialog({ customerId }: { customerId: string }) {
  return <ClientView customerId={customerId} backLink={false} />;
}
