import { Alert, Button, Group, Stack, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";

import type { Profile } from "../api/get-workspace";
import { useSendMessage } from "../api/send-message";
import { applyFieldErrors } from "@/components/field-errors";

type Values = { to: string; subject: string; body: string };
type Props = { profile: Profile; channel: "sms" | "email"; onSent: () => void };

/** A text or an email to the customer, composed beside the workspace. */
export function ComposeForm({ profile, channel, onSent }: Props) {
  const phone = (profile.primary_phone as { e164?: string } | null)?.e164 ?? "";
  const send = useSendMessage(profile.id!);
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm<Values>({
    initialValues: { to: channel === "sms" ? phone : profile.primary_email ?? "", subject: "", body: "" },
    validate: {
      body: (v) => (v.trim() ? null : "Write the message first."),
      subject: (v) => (channel === "email" && !v.trim() ? "Give the email a subject." : null),
    },
  });

  async function submit(values: Values) {
    setProblems([]);
    try {
      await send.mutateAsync({
        customer_id: profile.id!, channel, purpose: "service", body: values.body.trim(),
        to: values.to.trim() || null, subject: channel === "email" ? values.subject.trim() : null,
      });
      onSent();
    } catch (error) {
      setProblems(applyFieldErrors(form, error, (path) => path in values));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={channel === "sms" ? "Text message" : "Email"}>
      <Stack gap="sm">
        <TextInput label="To" {...form.getInputProps("to")} key={form.key("to")} />
        {channel === "email" && <TextInput label="Subject" {...form.getInputProps("subject")} key={form.key("subject")} />}
        <Textarea label="Message" autosize minRows={5} data-autofocus {...form.getInputProps("body")} key={form.key("body")} />
        {problems.length > 0 && <Alert color="red" role="alert">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={send.isPending}>Send</Button>
        </Group>
      </Stack>
    </form>
  );
}
