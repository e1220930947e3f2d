import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { isEmail } from 'class-validator';
import { AccountErrorCode, AccountsService, passwordProblem } from '@app/accounts';
import { DomainError } from '@app/common';
import { loadConfig } from '@app/config';
import { createCliContext } from '../cli.module';

export interface CreateAdminOptions {
  email?: string;
  name?: string;
}

/** The process's standard streams and environment; tests pass their own. */
export interface CommandIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

/** The environment variable a password may come from (before standard input). */
export const ADMIN_PASSWORD_ENV = 'ADMIN_PASSWORD';

/**
 * `npm run create-admin -- --email E [--name N]`: a deployment's first admin. Demo data is off in
 * production and only admins create admins, so without this nobody could. The password comes
 * from ADMIN_PASSWORD or standard input (typed without echo on a terminal, or the first line of
 * a pipe); the rules are sign-up's. An e-mail that has an account is refused. Exit 0 when the
 * account was created, 1 when refused, 2 for usage.
 */
export async function createAdminCommand(
  options: CreateAdminOptions,
  io: CommandIo = process,
): Promise<number> {
  const { stdout, stderr } = io;
  const email = options.email?.trim() ?? '';
  const name = (options.name ?? 'Administrator').trim();
  // The same bounds as the GraphQL sign-up input (RegisterInput).
  if (!isEmail(email) || email.length > 254) {
    stderr.write(
      `${email ? `"${email}" is not an e-mail address` : '--email is required'}\n` +
        'Usage: npm run create-admin -- --email <e-mail> [--name <display name>]\n',
    );
    return 2;
  }
  if (name.length < 1 || name.length > 100) {
    stderr.write('--name must have 1 to 100 characters\n');
    return 2;
  }
  const config = loadConfig({ ...io.env, DEMO_DATA: 'false' });
  const app = await createCliContext(config);
  try {
    const accounts = app.get(AccountsService);
    const taken = `An account with the e-mail ${email} already exists; nothing was changed\n`;
    // Before asking for a password, so nobody types one for nothing.
    if ((await accounts.findByEmails([email])).length > 0) {
      stderr.write(taken);
      return 1;
    }
    const password = await readPassword(io);
    if (password === undefined) {
      stderr.write(
        `No password: set ${ADMIN_PASSWORD_ENV}, type it when asked, or pipe it on standard input\n`,
      );
      return 1;
    }
    const problem = passwordProblem(password);
    if (problem) {
      stderr.write(`${problem}; nothing was changed\n`);
      return 1;
    }
    try {
      const user = await accounts.createAdminFromCommandLine(email, password, name);
      const where = config.embeddedDatabase ? `the embedded database (${config.DATA_DIR})` : 'PostgreSQL';
      stdout.write(`Created admin ${user.email} (${user.id}) in ${where}\n`);
      return 0;
    } catch (err) {
      // Another process took the e-mail between the check and the insert.
      if (err instanceof DomainError && err.code === AccountErrorCode.EMAIL_TAKEN) {
        stderr.write(taken);
        return 1;
      }
      throw err;
    }
  } finally {
    await app.close();
  }
}

async function readPassword(io: CommandIo): Promise<string | undefined> {
  const fromEnv = io.env[ADMIN_PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  if (io.stdin.isTTY) {
    const first = await promptHidden(io, 'Password for the new admin: ');
    const again = await promptHidden(io, 'Again: ');
    if (first !== again) {
      io.stderr.write('The two passwords differ\n');
      return undefined;
    }
    return first || undefined;
  }
  let input = '';
  for await (const chunk of io.stdin) {
    input += String(chunk);
    if (input.includes('\n')) break;
  }
  // Only the line break goes: spaces may be part of the password.
  const line = input.split(/\r?\n/)[0];
  return line || undefined;
}

/** Reads a line from the terminal without showing it. */
function promptHidden(io: CommandIo, question: string): Promise<string> {
  io.stderr.write(question);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: io.stdin, output: silent, terminal: true });
  return new Promise((resolve) => {
    rl.on('SIGINT', () => {
      rl.close();
      io.stderr.write('\n');
      process.exit(130);
    });
    rl.question('', (answer) => {
      rl.close();
      io.stderr.write('\n');
      resolve(answer);
    });
  });
}
