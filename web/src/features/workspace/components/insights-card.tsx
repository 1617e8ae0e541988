import { Anchor, Button, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

import type { Workspace } from "../api/get-workspace";
import { tabOfKind } from "./record-links";
import { SectionMessage, sectionOk } from "@/components/section-message";

type Props = { ws: Workspace; onStatement: () => void };

/** The rule cards, each with its action, and, when OpenAI is connected, the AI's suggestions. */
export function InsightsCard({ ws, onStatement }: Props) {
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
              {card.action && (card.link?.kind === "statement"
                ? <Button size="compact-xs" variant="light" mt={4} onClick={onStatement}>{card.action}</Button>
                : tabOfKind(card.link?.kind)
                  ? <Anchor component={Link} size="xs" fw={500} to={`/customers/${ws.customer_id}/${tabOfKind(card.link?.kind)}`}>→ {card.action}</Anchor>
                  : <Text size="xs" fw={500}>→ {card.action}</Text>)}
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
