import { Button, Center, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";

import { setToken } from "@/lib/auth";

/** Signs the page in with an access token: the link `make run` prints carries one, `make token` prints another. */
export function SignIn() {
  const [token, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!token.trim()) return setError("Paste an access token.");
    setToken(token);
  }

  return (
    <Center mih="100vh" component="main">
      <Paper withBorder p="xl" w={480} component="form" onSubmit={submit}>
        <Stack>
          <Title order={1} size="h2">Sign in to Fieldwork</Title>
          <Text c="dimmed" size="sm">
            Open the link <code>make run</code> prints, or paste an access token (<code>make token</code> prints one).
          </Text>
          <Textarea label="Access token" autosize minRows={3} value={token} error={error}
            onChange={(event) => { setValue(event.currentTarget.value); setError(null); }} />
          <Button type="submit">Sign in</Button>
        </Stack>
      </Paper>
    </Center>
  );
}
