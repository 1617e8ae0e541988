import { Alert, Button, Stack, Text, Title } from "@mantine/core";

import { ApiError } from "@/lib/api-client";

/** Why the customer's page cannot open: the link or session is spent (ask for a new one), or we are down. */
export function LinkRefused({ error, retry }: { error: unknown; retry?: () => void }) {
  const spent = error instanceof ApiError && (error.status === 401 || error.status === 404);
  if (spent) {
    return (
      <Stack gap="sm" maw={560}>
        <Title order={1} size="h2">This link is no longer valid</Title>
        <Text>
          Links to your page work once and expire after a while. Please ask us for a new one — reply to our
          email or give us a call — and we will send you a fresh link.
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap="sm" maw={560}>
      <Title order={1} size="h2">Your page could not be opened</Title>
      <Alert color="red" role="alert">
        {error instanceof Error ? error.message : "Something went wrong."} Please try again in a moment.
      </Alert>
      {retry && <Button w="fit-content" variant="light" onClick={retry}>Try again</Button>}
    </Stack>
  );
}
