import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";

import type { Workspace } from "../api/get-workspace";
import { SectionMessage, sectionOk } from "@/components/section-message";

/** The rule cards and, when OpenAI is connected, the AI's suggestions. */
export function InsightsCard({ ws }: { ws: Workspace }) {
  const section = ws.insights;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="insights-title">
      <Title order={2} size="h4" id="insights-title" mb="xs">Insights</Title>
      {!sectionOk(section) ? <SectionMessage name="Insights" section={section} /> : (
        <Stack gap="xs">
          {(section.data.cards ?? []).map((card, i) => (
            <Paper key={`${card.kind}-${i}`} p="xs" bg="indigo.0">
              <Text size="sm" fw={600}>{card.title}</Text>
              <Text size="sm">{card.reason}</Text>
              {card.action && <Text size="xs" c="indigo.8" fw={500}>→ {card.action}</Text>}
            </Paper>
          ))}
          {!section.data.cards?.length && <Text size="sm" c="dimmed">Nothing needs attention.</Text>}
          <AiSuggestions ai={section.data.ai as { status?: string; summary?: string; reason?: string } | undefined} />
        </Stack>
      )}
    </Paper>
  );
}

function AiSuggestions({ ai }: { ai: { status?: string; summary?: string; reason?: string } | undefined }) {
  if (ai?.status === "ok" && ai.summary) return <Text size="sm"><b>AI summary:</b> {ai.summary}</Text>;
  if (ai?.status === "not_configured") {
    return <Text size="sm" c="dimmed">AI suggestions are off. <Anchor href="/settings/integrations" size="sm" underline="always">Connect OpenAI</Anchor> under Settings → Integrations.</Text>;
  }
  return <Text size="sm" c="dimmed">AI suggestions are not ready yet.</Text>;
}
