import { Anchor, Button, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

import type { Workspace } from "../api/get-workspace";
import { AiSuggestions } from "./ai-suggestions";
import { tabOfKind } from "./record-links";
import { SectionMessage, sectionOk } from "@/components/section-message";
import { useOpenWorkForm } from "@/features/jobs/components/work-forms";
import type { WorkDraft } from "@/features/jobs/components/work-draft";

type Props = { ws: Workspace; onStatement: () => void };
type Card = NonNullable<NonNullable<NonNullable<Workspace["insights"]>["data"]>["cards"]>[number];

/** The work a card's action opens: the due plan's visit (its property, name and day), or a check-up. */
function draftFor(ws: Workspace, card: Card): WorkDraft | null {
  if (card.kind === "maintenance_due") {
    const plan = ws.plans?.data?.items.find((p) => p.id === card.link?.id);
    return {
      form: "schedule", title: plan ? `${plan.name} visit` : "Maintenance visit", serviceType: plan?.service_type ?? undefined,
      propertyId: plan?.property_id, date: (plan?.next_visits as string[] | undefined)?.[0]?.slice(0, 10) ?? null,
      minutes: plan?.visit_minutes ?? undefined,
    };
  }
  if (card.kind === "win_back") return { form: "job", title: "Check-up visit" };
  return null;
}

/** The rule cards, each with its action, and, when OpenAI is connected, the AI's suggestions. */
export function InsightsCard({ ws, onStatement }: Props) {
  const openWork = useOpenWorkForm();
  const section = ws.insights;
  function action(card: Card) {
    const draft = draftFor(ws, card);
    if (draft) return <Button size="compact-xs" variant="light" mt={4} onClick={() => openWork(draft)}>{card.action}</Button>;
    if (card.link?.kind === "statement") return <Button size="compact-xs" variant="light" mt={4} onClick={onStatement}>{card.action}</Button>;
    const tab = tabOfKind(card.link?.kind);
    return tab
      ? <Anchor component={Link} size="xs" fw={500} to={`/customers/${ws.customer_id}/${tab}`}>→ {card.action}</Anchor>
      : <Text size="xs" fw={500}>→ {card.action}</Text>;
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="insights-title">
      <Title order={2} size="h4" id="insights-title" mb="xs">Insights</Title>
      {!sectionOk(section) ? <SectionMessage name="Insights" section={section} /> : (
        <Stack gap="xs">
          {(section.data.cards ?? []).map((card, i) => (
            <Paper key={`${card.kind}-${i}`} p="xs" bg="indigo.0">
              <Text size="sm" fw={600}>{card.title}</Text>
              <Text size="sm">{card.reason}</Text>
              {card.action && action(card)}
            </Paper>
          ))}
          {!section.data.cards?.length && <Text size="sm" c="dimmed">Nothing needs attention.</Text>}
          <AiSuggestions customerId={ws.customer_id} insights={section.data} />
        </Stack>
      )}
    </Paper>
  );
}
