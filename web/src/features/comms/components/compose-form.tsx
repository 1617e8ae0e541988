import { Alert, Button, Group, Stack, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";

import { useChannels, useSendMessage } from "../api/send-message";
import type { Communication } from "../api/feed";
import { applyFieldErrors } from "@/components/field-errors";

type Values = { to: string; subject: string; body: string };
type Props = {
  customerId: string; channel: "sms" | "email"; defaultTo?: string | null;
  onSent: (sent: Communication) => void; onCancel?: () => void;
};

/** A text or an email to the customer; where nothing can carry it, the form says why before anyone types. */
export function ComposeForm({ customerId, channel, defaultTo, onSent, onCancel }: Props) {
  const send = useSendMessage(customerId);
  const channels = useChannels();
  const blocked = channels.data?.[channel]?.configured === false ? channels.data[channel]?.message : null;
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm<Values>({
    initialValues: { to: defaultTo ?? "", subject: "", body: "" },
    validate: {
      body: (v) => (v.trim() ? null : "Write the message first."),
      subject: (v) => (channel === "email" && !v.trim() ? "Give the email a subject." : null),
    },
  });

  async function submit(values: Values) {
    setProblems([]);
    try {
      const sent = await send.mutateAsync({
        customer_id: customerId, channel, purpose: "service", body: values.body.trim(),
        to: values.to.trim() || null, subject: channel === "email" ? values.subject.trim() : null,
      });
      form.reset();
      onSent(sent);
    } catch (error) {
      setProblems(applyFieldErrors(form, error, (path) => path in values));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={channel === "sms" ? "Text message" : "Email"}>
      <Stack gap="sm">
        {blocked && <Alert color="red" role="alert" title={channel === "sms" ? "Texts cannot be sent" : "Emails cannot be sent"}>{blocked}</Alert>}
        <TextInput label="To" {...form.getInputProps("to")} key={form.key("to")} />
        {channel === "email" && <TextInput label="Subject" {...form.getInputProps("subject")} key={form.key("subject")} />}
        <Textarea label="Message" autosize minRows={channel === "sms" ? 2 : 5} data-autofocus {...form.getInputProps("body")} key={form.key("body")} />
        {problems.length > 0 && <Alert color="red" role="alert">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          {onCancel && <Button variant="default" onClick={onCancel}>Cancel</Button>}
          <Button type="submit" loading={send.isPending} disabled={Boolean(blocked)}>Send</Button>
        </Group>
      </Stack>
    </form>
  );
}
