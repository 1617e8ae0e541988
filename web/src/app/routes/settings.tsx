import { IntegrationsPage } from "@/features/settings/components/integrations-page";

export function IntegrationsRoute() {
  return <IntegrationsPage />;
}
