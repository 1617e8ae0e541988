import { Anchor, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

import { useFreshInsights, type AiPart, type Insights } from "../api/get-insights";
import { citedRecords } from "./citations";

type Props = { customerId: string; insights: Insights };

/**
 * The model's summary and next best actions, each citing the records it rests on (linked to them). The workspace
 * carries a cached answer only; without one for the current facts, the model is asked here, beside the page.
 */
export function AiSuggestions({ customerId, insights }: Props) {
  const cached = insights.ai as AiPart | undefined;
  const waiting = cached?.status === "unavailable" && cached.reason === "not_ready";
  const fresh = useFreshInsights(customerId, waiting);
  const answer = waiting ? fresh.data : insights;
  const ai = (waiting ? fresh.data?.ai : cached) as AiPart | undefined;

  if (cached?.status === "not_configured") {
    return (
      <Text size="sm" c="dimmed">
        AI suggestions are off. <Anchor component={Link} to="/settings/integrations" size="sm" underline="always">Connect OpenAI</Anchor> under Settings → Integrations.
      </Text>
    );
  }
  if (waiting && fresh.isPending) return <Group gap="xs"><Loader size="xs" /><Text size="sm" c="dimmed">Asking OpenAI for suggestions…</Text></Group>;
  if (ai?.status !== "ok") return <Text size="sm" c="dimmed">{ai?.message ?? "AI suggestions are not available right now; the cards above still apply."}</Text>;

  const records = citedRecords(answer?.facts as Record<string, unknown> | undefined);
  return (
    <Paper p="xs" withBorder component="section" aria-labelledby="ai-title">
      <Title order={3} size="h6" id="ai-title">AI suggestions</Title>
      {ai.summary && <Text size="sm" mb={4}>{ai.summary}</Text>}
      <Stack gap={6}>
        {(ai.actions ?? []).map((s, i) => (
          <div key={i}>
            <Text size="sm" fw={600}>{s.title}</Text>
            {s.detail && <Text size="sm">{s.detail}</Text>}
            <Group gap={6}>
              <Text size="xs" c="dimmed">Based on</Text>
              {s.cites.map((id) => {
                const cited = records.get(id);
                const to = `/customers/${customerId}${cited?.tab ? `/${cited.tab}` : ""}`;
                return <Anchor key={id} component={Link} to={to} size="xs" underline="always">{cited?.label ?? "a record"}</Anchor>;
              })}
            </Group>
          </div>
        ))}
      </Stack>
      {ai.model && <Text size="xs" c="dimmed" mt={4}>Written by {ai.model} from this customer's records.</Text>}
    </Paper>
  );
}
