import { Alert, Button, Group, Loader, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";

import type { Profile } from "../api/get-workspace";
import { statementPdfUrl, useSendStatement } from "../api/statement";

/** The AR statement: previewed as the PDF the customer will get, then sent. */
export function StatementDialog({ profile, onDone }: { profile: Profile; onDone: () => void }) {
  const [pdf, setPdf] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [email, setEmail] = useState(profile.primary_email ?? "");
  const send = useSendStatement(profile.id!);

  useEffect(() => {
    let url: string | null = null;
    statementPdfUrl(profile.id!).then((made) => { url = made; setPdf(made); }, (error: Error) => setProblem(error.message));
    return () => { if (url) URL.revokeObjectURL(url); };
  }, [profile.id]);

  return (
    <Stack>
      {problem ? <Alert color="red" role="alert">{problem}</Alert>
        : pdf ? <iframe title="Statement preview" src={pdf} style={{ width: "100%", height: 420, border: "1px solid #dee2e6" }} />
        : <Loader size="sm" aria-label="Making the statement" />}
      <TextInput label="Send to" type="email" value={email} onChange={(event) => setEmail(event.currentTarget.value)} />
      {send.isError && <Alert color="red" role="alert">{send.error.message}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button loading={send.isPending} onClick={() => send.mutate(email.trim() || null, {
          onSuccess: () => { notifications.show({ message: `Statement sent to ${email.trim() || "the customer"}.` }); onDone(); },
        })}>Send statement</Button>
      </Group>
    </Stack>
  );
}
