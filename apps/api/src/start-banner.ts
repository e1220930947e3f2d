import type { INestApplicationContext } from '@nestjs/common';
import { AccountsService, PasswordHasher } from '@app/accounts';
import type { AppConfig } from '@app/config';
import { DEMO_ACCOUNTS } from '@app/seed';

/**
 * What `npm start` prints once the API listens and its start-up tasks are done: where to open it
 * and, where the database has them, the demo logins. A database that held accounts before the
 * demo data could be loaded may have none of them, or their password may no longer be
 * DEMO_PASSWORD: the banner names only accounts that exist, and the password only when it is
 * the one they have.
 */
export async function startBanner(
  app: INestApplicationContext,
  config: AppConfig,
  options: { worker: boolean; url: string },
): Promise<string> {
  const mode = [
    config.embeddedDatabase ? 'embedded PGlite database' : 'PostgreSQL',
    config.embeddedQueue ? 'in-process jobs' : 'BullMQ on Redis',
    options.worker ? 'API + worker' : 'API only',
  ].join(', ');
  const lines = [
    '',
    `  Mentorlink is running (${mode})`,
    `  Open:     ${options.url}/`,
    `  GraphQL:  ${options.url}/graphql`,
    `  Health:   ${options.url}/health`,
  ];
  const accounts = await app.get(AccountsService).findByEmails(DEMO_ACCOUNTS.map((a) => a.email));
  if (accounts.length > 0) {
    const hasher = app.get(PasswordHasher);
    const demo = await Promise.all(
      DEMO_ACCOUNTS.flatMap(({ email }) => accounts.filter((a) => a.email === email)).map(
        async (account) => ({
          account,
          demoPassword: await hasher.verify(account.passwordHash, config.DEMO_PASSWORD),
        }),
      ),
    );
    // A password set through DEMO_PASSWORD is the operator's; it is not echoed to the log.
    const password = config.DEMO_PASSWORD === 'demo1234' ? 'demo1234' : 'DEMO_PASSWORD';
    lines.push(
      demo.some((d) => d.demoPassword) ? `  Demo logins (password: ${password}):` : '  Demo logins:',
    );
    for (const { account, demoPassword } of demo) {
      const note = demoPassword ? '' : '  (password changed)';
      lines.push(`    ${account.email.padEnd(20)} ${account.roles.join(', ')}${note}`);
    }
  }
  return `${lines.join('\n')}\n\n`;
}
