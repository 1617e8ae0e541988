import { Loader, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

import { useOpenAISettings } from "../api/openai";
import { useThresholds } from "../api/thresholds";
import { MapsIntegration, MessagingIntegration } from "./integration-status";
import { OpenAIForm } from "./openai-form";
import { ReviewRequestsSetting } from "./review-requests-setting";
import { ThresholdsForm } from "./thresholds-form";
import { PageError } from "@/components/page-error";
import { SettingsNav } from "@/components/settings-nav";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h4" id={`${id}-title`} mb="xs">{title}</Title>
      {children}
    </Paper>
  );
}

/** Settings → Integrations: the outside services the back office uses, and the numbers behind the insight cards. */
export function IntegrationsPage() {
  const openai = useOpenAISettings();
  const thresholds = useThresholds();
  return (
    <Stack maw={820}>
      <SettingsNav current="integrations" />
      <Title order={1} size="h2">Settings · Integrations</Title>
      <Section id="openai" title="OpenAI">
        {openai.isPending ? <Loader size="sm" aria-label="Loading the OpenAI connection" />
          : openai.isError ? <PageError error={openai.error} retry={() => openai.refetch()} />
          : <OpenAIForm key={`${openai.data.api_key_last4 ?? "none"}-${openai.data.model ?? ""}`} current={openai.data} />}
      </Section>
      <Text size="sm" c="dimmed">
        Google Maps, email and SMS are set where Fieldwork is deployed; this page shows what each is set to, never a password or key.
      </Text>
      <Section id="maps" title="Google Maps"><MapsIntegration /></Section>
      <Section id="email" title="Email (SMTP)"><MessagingIntegration channel="email" /></Section>
      <Section id="sms" title="SMS"><MessagingIntegration channel="sms" /></Section>
      <Section id="thresholds" title="Insight thresholds">
        {thresholds.isPending ? <Loader size="sm" aria-label="Loading the insight thresholds" />
          : thresholds.isError ? <PageError error={thresholds.error} retry={() => thresholds.refetch()} />
          : <ThresholdsForm current={thresholds.data} />}
      </Section>
      <Section id="reviews" title="Review requests"><ReviewRequestsSetting /></Section>
    </Stack>
  );
}
