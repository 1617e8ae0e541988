import { Loader, Paper, Stack, Text, Title } from "@mantine/core";

import { useOpenAISettings } from "../api/openai";
import { OpenAIForm } from "./openai-form";
import { ReviewRequestsSetting } from "./review-requests-setting";
import { PageError } from "@/components/page-error";

/** Settings → Integrations: the outside services the back office uses. */
export function IntegrationsPage() {
  const openai = useOpenAISettings();
  return (
    <Stack maw={720}>
      <Title order={1} size="h2">Settings · Integrations</Title>
      <Paper withBorder p="md" component="section" aria-labelledby="openai-title">
        <Title order={2} size="h4" id="openai-title" mb="xs">OpenAI</Title>
        {openai.isPending ? <Loader size="sm" aria-label="Loading the OpenAI connection" />
          : openai.isError ? <PageError error={openai.error} retry={() => openai.refetch()} />
          : <OpenAIForm key={openai.data.api_key_last4 ?? "none"} current={openai.data} />}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="reviews-title">
        <Title order={2} size="h4" id="reviews-title" mb="xs">Review requests</Title>
        <ReviewRequestsSetting />
      </Paper>
      <Text size="sm" c="dimmed">
        Google Maps, email and SMS are configured by the deployment (see the README); this page does not show them yet.
      </Text>
    </Stack>
  );
}
