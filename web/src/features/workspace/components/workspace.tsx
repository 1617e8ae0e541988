import { Grid, Group, Loader, Paper, Stack, Tabs } from "@mantine/core";
import { useState } from "react";
import { Navigate, useNavigate } from "react-router";

import { useWorkspace } from "../api/get-workspace";
import type { Dialog } from "./actions-menu";
import { ActivityTab } from "./activity-tab";
import { InsightsCard } from "./insights-card";
import { MORE_TABS, MoreMenu, morePanels } from "./more-tabs";
import { NotesTab } from "./notes-tab";
import { OverviewTab } from "./overview-tab";
import { EstimatesTable, InvoicesTable, JobsTable } from "./section-tables";
import { StatCards } from "./stat-cards";
import { WorkspaceHeader } from "./workspace-header";
import { WorkspaceSidebar } from "./workspace-sidebar";
import { ErrorBoundary, PageError } from "@/components/page-error";
import { CommunicationTab } from "@/features/comms/components/communication-tab";
import { WorkFormsProvider } from "@/features/jobs/components/work-forms";
import { MaintenanceTab } from "@/features/maintenance/components/maintenance-tab";
import { PhotosTab } from "@/features/photos/components/photos-tab";

export const TABS = [
  ["overview", "Overview"], ["jobs", "Jobs"], ["estimates", "Estimates"], ["maintenance", "Maintenance"],
  ["invoices", "Invoices"], ["communication", "Communication"], ["photos", "Photos"], ["notes", "Notes"], ["activity", "Activity"],
] as const;

/** One customer on one page: header, figures, sidebar, tabs and insights, each part standing on its own. */
export function Workspace({ customerId, tab }: { customerId: string; tab: string }) {
  const navigate = useNavigate();
  const workspace = useWorkspace(customerId);
  // The header's actions own the dialogs; the insights card opens one (the statement) too.
  const [dialog, setDialog] = useState<Dialog>(null);

  if (workspace.isPending) return <Loader aria-label="Loading the customer" m="xl" />;
  if (workspace.isError) return <PageError error={workspace.error} retry={() => workspace.refetch()} />;
  const ws = workspace.data;
  if (ws.merged_into) return <Navigate to={`/customers/${ws.merged_into}`} replace />;
  const more = MORE_TABS.find(([key]) => key === tab);
  const current = more || TABS.some(([key]) => key === tab) ? tab : "overview";
  // A More tab joins the row while it is open, so the open panel always has its tab.
  const shown = more ? [...TABS, more] : TABS;

  const panels: Record<string, React.ReactNode> = {
    overview: <OverviewTab ws={ws} />, jobs: <JobsTable ws={ws} />, estimates: <EstimatesTable ws={ws} />,
    maintenance: <MaintenanceTab profile={ws.profile.data} currency={ws.header?.currency} section={ws.plans} />, invoices: <InvoicesTable ws={ws} />, communication: <CommunicationTab customerId={customerId} section={ws.communications} email={ws.profile.data?.primary_email}
      phone={(ws.profile.data?.primary_phone as { e164?: string } | null)?.e164} />, photos: <PhotosTab customerId={customerId} />,
    notes: <NotesTab customerId={customerId} />, activity: <ActivityTab customerId={customerId} />, ...morePanels(ws),
  };

  return (
    <WorkFormsProvider profile={ws.profile.data} currency={ws.header?.currency}>
      <Stack>
        <WorkspaceHeader profile={ws.profile.data} header={ws.header} dialog={dialog} onDialog={setDialog}
          membership={ws.membership?.data} />
        <StatCards customerId={customerId} header={ws.header} />
        <Grid>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <ErrorBoundary><WorkspaceSidebar profile={ws.profile.data} related={ws.related_customers?.data?.items}
              membership={ws.membership?.data} /></ErrorBoundary>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack>
              <ErrorBoundary><InsightsCard ws={ws} onStatement={() => setDialog("statement")} /></ErrorBoundary>
              <Paper withBorder p="md">
                <Tabs value={current} onChange={(next) => navigate(`/customers/${customerId}/${next}`)} keepMounted={false}>
                  <Group gap={0} mb="sm" wrap="nowrap" align="flex-end">
                    <Tabs.List style={{ flex: 1 }}>
                      {shown.map(([key, label]) => <Tabs.Tab key={key} value={key}>{label}</Tabs.Tab>)}
                    </Tabs.List>
                    <MoreMenu current={current} onPick={(next) => navigate(`/customers/${customerId}/${next}`)} />
                  </Group>
                  {shown.map(([key]) => (
                    <Tabs.Panel key={key} value={key}><ErrorBoundary>{panels[key]}</ErrorBoundary></Tabs.Panel>
                  ))}
                </Tabs>
              </Paper>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </WorkFormsProvider>
  );
}
