import { Divider, List, Stack, Text, Title } from "@mantine/core";

import { useUploadPhoto } from "../api/portal";
import type { PortalView } from "../api/portal-client";
import { PhotoUploadForm, type PhotoOption } from "./photo-upload-form";
import { PortalSection } from "./portal-section";
import { address } from "./portal-format";

/** What the customer may send a photo of: their properties, and their jobs booked or lately done. */
export function photoOptions(view: PortalView): PhotoOption[] {
  const places = view.customer.properties.map((p) => ({
    value: `property:${p.id}`, label: address(p), target: { kind: "property" as const, id: p.id! },
  }));
  const jobs = [...(view.upcoming_visits.items ?? []), ...(view.recent_visits.items ?? [])].map((j) => ({
    value: `job:${j.id}`, label: `Visit: ${j.title ?? j.number}`, target: { kind: "job" as const, id: j.id! },
  }));
  return [...places, ...jobs];
}

export function PropertiesSection({ view, readOnly }: { view: PortalView; readOnly: boolean }) {
  const upload = useUploadPhoto();
  const options = photoOptions(view);
  return (
    <PortalSection id="properties" title="Your properties" section={{ status: "ok", items: view.customer.properties }}
      empty="No property on file yet.">
      {(places) => (
        <Stack gap="sm">
          <List size="sm">{places.map((p) => <List.Item key={p.id}>{address(p)}</List.Item>)}</List>
          {!readOnly && options.length > 0 && (
            <>
              <Divider />
              <Title order={3} size="h5">Send us a photo</Title>
              <Text size="sm" c="dimmed">A photo of the problem or the equipment helps the technician come prepared.</Text>
              <PhotoUploadForm options={options} onSubmit={(sent) => upload.mutateAsync(sent)} />
            </>
          )}
        </Stack>
      )}
    </PortalSection>
  );
}
