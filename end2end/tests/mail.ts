import { expect } from '@playwright/test';

export const MAIL_SINK = `http://127.0.0.1:${process.env.MAIL_SINK_HTTP_PORT ?? 3126}`;

type Mail = { to: string; subject: string; text: string };

/// Waits for the newest mail to `to` whose subject contains `subject`, as the SMTP sink got it.
export async function mailTo(to: string, subject: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        const messages: Mail[] = await (await fetch(`${MAIL_SINK}/messages`)).json();
        found = messages.reverse().find((m) => m.to === to && m.subject.includes(subject));
        return found !== undefined;
      },
      { message: `a mail "${subject}" to ${to}`, timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

/// The path of the first link in the mail that leads to `prefix` (e.g. `/signup/confirm/`).
export function linkPath(mail: Mail, prefix: string): string {
  const match = mail.text.match(new RegExp(`https?://[^/\\s]+(${prefix}[A-Za-z0-9_-]+)`));
  expect(match, `a link to ${prefix} in:\n${mail.text}`).not.toBeNull();
  return match![1];
}
