import { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Role } from '@app/common';
import { MentorshipRequestsService } from '@app/mentorships';
import { mentorInput, organizationInput } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const UPSERT_MENTOR = `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`;
const REQUEST = `mutation($input: RequestMentorshipInput!) { requestMentorship(input: $input) { id } }`;
const OUTBOX = `query($unsentOnly: Boolean) {
  emailOutbox(unsentOnly: $unsentOnly, first: 50) { totalCount nodes { toAddress template subject body sentAt } }
}`;
const REQUESTS = `query { mentorshipRequests(first: 20) { nodes { id status source mentor { id } } } }`;
const SUGGESTED = `query($id: ID!) { mentorshipRequest(id: $id) { status suggestedMentors(first: 5) { mentor { id } score } } }`;

interface Received {
  to: string[];
  text: string;
}

/** A real SMTP server on a free port, keeping what it receives. */
async function startSmtp(): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          text: decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, received };
}

/** The message as sent, quoted-printable undone (soft line breaks joined, =XX bytes decoded). */
function decodeQuotedPrintable(message: string): string {
  const joined = message.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe(`mentorship e-mails and rerouting (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let admin: SignedIn;
  let owner: SignedIn;

  async function mentor(overrides: Record<string, unknown> = {}): Promise<{ user: SignedIn; id: string }> {
    const user = await t.signUp(Role.MENTOR);
    const { upsertMentorProfile } = await user.client.data(UPSERT_MENTOR, { input: mentorInput(overrides) });
    return { user, id: upsertMentorProfile.id };
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp(createApiApp, {
      env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://mentorlink.example' },
    });
    admin = await t.signUp(Role.ADMIN);
    owner = await t.signUp(Role.MSME_OWNER);
  });

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp?.server.close(() => resolve()));
  });

  it('sends each notification’s e-mail through SMTP after the change commits', async () => {
    const m = await mentor();
    const { createOrganization } = await owner.client.data(CREATE_ORG, {
      input: organizationInput({ name: 'Cebu Dried Mangoes' }),
    });
    const { requestMentorship } = await owner.client.data(REQUEST, {
      input: { organizationId: createOrganization.id, mentorId: m.id, message: 'Help us export' },
    });
    const mail = await waitFor(() => smtp.received.find((r) => r.to.includes(m.user.email)), 'the e-mail');
    expect(mail.text).toContain('Subject: Mentorship request from Cebu Dried Mangoes');
    expect(mail.text).toContain(`https://mentorlink.example/requests/${requestMentorship.id}`);
    // Marked sent in the outbox, which only admins read.
    const sent = await waitFor(async () => {
      const { emailOutbox } = await admin.client.data(OUTBOX, { unsentOnly: false });
      return emailOutbox.nodes.find((e: { toAddress: string; sentAt: string | null }) =>
        e.toAddress === m.user.email && e.sentAt ? e : undefined,
      );
    }, 'the outbox to record the e-mail as sent');
    expect(sent).toMatchObject({ template: 'REQUEST_RECEIVED' });
    expect(await owner.client.errorCode(OUTBOX, {})).toBe('FORBIDDEN');
  });

  it('offers the next-best mentors when a request expires, and with autoReroute sends it on to the best', async () => {
    // Five mentors who would all suit the organisation; lists are computed in the background.
    const mentors = [];
    for (let i = 0; i < 5; i++) mentors.push(await mentor({ headline: `Exporter ${i}` }));
    const { createOrganization } = await owner.client.data(CREATE_ORG, {
      input: organizationInput({ name: 'Davao Cacao' }),
    });
    const org = createOrganization.id as string;
    await t.settle();
    const first = mentors[0];
    const { requestMentorship } = await owner.client.data(REQUEST, {
      input: { organizationId: org, mentorId: first.id, message: 'Cacao exports', autoReroute: true },
    });
    await t.dataSource.query(
      `UPDATE mentorship_requests SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [requestMentorship.id],
    );
    expect(await t.app.get(MentorshipRequestsService).expire(requestMentorship.id)).toBe(true);

    const mine = (await owner.client.data(REQUESTS)).mentorshipRequests.nodes.filter(
      (r: { id: string }) => r.id !== requestMentorship.id,
    );
    const rerouted = mine.find((r: { source: string; status: string }) => r.source === 'REROUTE');
    expect(rerouted).toMatchObject({ status: 'PENDING' });
    expect(rerouted.mentor.id).not.toBe(first.id);
    // The best available mentor not yet asked: the head of the organisation's suggestions before.
    const { mentorshipRequest } = await owner.client.data(SUGGESTED, { id: requestMentorship.id });
    expect(mentorshipRequest.status).toBe('EXPIRED');
    const suggested = mentorshipRequest.suggestedMentors.map((s: { mentor: { id: string } }) => s.mentor.id);
    expect(suggested).not.toContain(first.id);
    expect(suggested).not.toContain(rerouted.mentor.id);
    const scores = mentorshipRequest.suggestedMentors.map((s: { score: number }) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Nobody but the organisation's side sees suggestions.
    const seenByMentor = await first.user.client.data(SUGGESTED, { id: requestMentorship.id });
    expect(seenByMentor.mentorshipRequest.suggestedMentors).toEqual([]);

    // Both e-mails went out: the expiry (naming mentors to try) and the reroute.
    const toOwner = await waitFor(() => {
      const mails = smtp.received.filter((r) => r.to.includes(owner.email));
      const expired = mails.find((r) => r.text.includes('has expired'));
      const on = mails.find((r) => r.text.includes('went on to the best available mentor'));
      return expired && on ? { expired, on } : undefined;
    }, 'the expiry and reroute e-mails');
    expect(toOwner.expired.text).toContain('Mentors who could help instead:');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'mentorship_request.rerouted' AND target_id = $1`,
      [rerouted.id],
    );
    expect(n).toBe(1);
  });
});
