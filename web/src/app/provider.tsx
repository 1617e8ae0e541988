import { Alert, Button, InputClearButton, MantineProvider, Notification, createTheme, type CSSVariablesResolver } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

import { appQueryClient } from "@/lib/query-client";

// Shade 8 of indigo keeps links and filled buttons above WCAG AA contrast on white.
// Light alerts tint their background and keep dark text, which reads at AA contrast in every colour.
const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: 8,
  defaultRadius: "md",
  components: {
    // Mantine's icon-only close and clear buttons carry no text: name them for screen readers (axe: button-name).
    // Its description's grey is below AA contrast on white; a darker one passes.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { "aria-label": "Close notification" } },
      styles: { description: { color: "var(--mantine-color-dark-6)" } },
    }),
    InputClearButton: InputClearButton.extend({ defaultProps: { "aria-label": "Clear" } }),
    // The calendar's month arrows are icons: name them (axe: button-name).
    DateInput: DateInput.extend({
      defaultProps: {
        ariaLabels: { previousMonth: "Previous month", nextMonth: "Next month", previousYear: "Previous year",
          nextYear: "Next year", previousDecade: "Previous decade", nextDecade: "Next decade",
          monthLevelControl: "Choose the month", yearLevelControl: "Choose the year" },
      },
    }),
    // A light button's text in red or another bright colour is below AA on its tint; shade 9 of the colour passes.
    Button: Button.extend({
      vars: (_theme, props) => ({
        root: props.variant === "light" && props.color ? { "--button-color": `var(--mantine-color-${props.color}-9)` } : {},
      }),
    }),
    Alert: Alert.extend({
      vars: (_theme, props) => ({
        root: props.variant && props.variant !== "light" ? {} : { "--alert-color": "var(--mantine-color-dark-8)" },
      }),
    }),
  },
});

// Mantine's "dimmed" grey and its error red are below WCAG AA contrast for small text on white; darker shades pass.
const resolver: CSSVariablesResolver = () => ({
  variables: {}, light: { "--mantine-color-dimmed": "var(--mantine-color-gray-7)", "--mantine-color-error": "var(--mantine-color-red-8)" },
  dark: {},
});

export function AppProvider({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? appQueryClient);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={resolver}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
