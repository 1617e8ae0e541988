import { Alert, Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";

import { useRequestService } from "../api/portal";
import type { PortalView } from "../api/portal-client";
import { useBringForward } from "./bring-forward";
import { EstimatesToApprove, Invoices, RecentVisits, UpcomingVisits } from "./portal-sections";
import { PropertiesSection } from "./properties-section";
import { RequestServiceForm } from "./request-service-form";
import { ReviewsSection } from "./reviews-section";

type Props = {
  view: PortalView;
  /** The office's "view as client": the same page, every action hidden. */
  readOnly?: boolean;
  /** The job whose review form the page brings forward (the review request email's link). */
  reviewJobId?: string | null;
  /** One column, for the office's dialog. */
  compact?: boolean;
  /** The record an email linked to (``estimate-<id>``, ``invoice-<id>``) and which control of it to focus. */
  focus?: { elementId: string; selector?: string } | null;
};

function RequestService({ view }: { view: PortalView }) {
  const request = useRequestService();
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="request-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="request-title">Request service</Title>
        <RequestServiceForm properties={view.customer.properties} onSubmit={(body) => request.mutateAsync(body)} />
      </Stack>
    </Card>
  );
}

/** The customer's own page: what is booked, what waits for them, what they owe, and ways to reach the office. */
export function PortalPage({ view, readOnly = false, reviewJobId = null, compact = false, focus = null }: Props) {
  useBringForward(focus?.elementId ?? null, focus?.selector);
  const name = view.customer.name ?? "there";
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">{readOnly ? name : `Hello, ${name}`}</Title>
        {view.customer.company && <Text c="dimmed">{view.customer.company}</Text>}
      </div>
      {readOnly && (
        <Alert color="gray" role="note" title="Read-only">
          This is what {name} sees on their page; approving, declining, photos, reviews and requests are theirs alone.
        </Alert>
      )}
      <SimpleGrid cols={compact ? 1 : { base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          <EstimatesToApprove view={view} readOnly={readOnly} />
          <UpcomingVisits view={view} />
          <Invoices view={view} readOnly={readOnly} />
        </Stack>
        <Stack gap="md">
          <ReviewsSection view={view} readOnly={readOnly} reviewJobId={reviewJobId} />
          {!readOnly && <RequestService view={view} />}
          <PropertiesSection view={view} readOnly={readOnly} />
          <RecentVisits view={view} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
