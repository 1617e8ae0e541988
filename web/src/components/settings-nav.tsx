import { Tabs } from "@mantine/core";
import { useNavigate } from "react-router";

const PAGES = [["integrations", "Integrations"], ["price-book", "Price book"], ["import", "Import"]] as const;

/** The account's settings pages, one tab each. */
export function SettingsNav({ current }: { current: (typeof PAGES)[number][0] }) {
  const navigate = useNavigate();
  return (
    <Tabs value={current} onChange={(next) => navigate(`/settings/${next}`)} aria-label="Settings">
      <Tabs.List>{PAGES.map(([key, label]) => <Tabs.Tab key={key} value={key}>{label}</Tabs.Tab>)}</Tabs.List>
    </Tabs>
  );
}
