import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, QueryFailedError, Repository } from 'typeorm';
import { AuditAction, AuditService } from '@app/audit';
import { escapeLike, keysetPage } from '@app/database';
import {
  Actor,
  DomainError,
  ErrorCode,
  Page,
  PageRequest,
  Role,
  badInput,
  forbidden,
  isAdmin,
  notFound,
} from '@app/common';
import { isEconomyCode, type EconomyCode } from '@app/taxonomy';
import { AccountErrorCode } from './account-error-code';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { TokenService, type SessionActor } from './token.service';
import { TokenVersions } from './token-versions.service';
import { UserEntity } from './user.entity';

export interface Session {
  token: string;
  user: UserEntity;
}

export interface RegisterInput {
  email: string;
  password: string;
  displayName: string;
  role: Role;
}

export interface CreateUserInput {
  email: string;
  password: string;
  displayName: string;
  roles: Role[];
  managedEconomies?: string[];
}

export interface UpdateUserRolesInput {
  roles: Role[];
  managedEconomies?: string[];
}

/** Roles anyone may take at sign-up; the others are granted by an admin. */
export const SELF_SERVICE_ROLES: readonly Role[] = [Role.MSME_OWNER, Role.MENTOR];

const UNIQUE_VIOLATION = '23505';

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export const actorOf = (user: UserEntity): SessionActor => ({
  userId: user.id,
  roles: user.roles,
  managedEconomies: user.managedEconomies,
  tokenVersion: user.tokenVersion,
});

@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly versions: TokenVersions,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  async register(input: RegisterInput): Promise<Session> {
    if (!SELF_SERVICE_ROLES.includes(input.role)) {
      throw forbidden('Only MSME_OWNER and MENTOR accounts can be self-registered');
    }
    const user = await this.insert(input.email, input.password, input.displayName, [input.role], [], {
      actorId: null,
      action: AuditAction.USER_REGISTERED,
    });
    return { token: this.tokens.sign(actorOf(user)), user };
  }

  /**
   * Signs in from `clientIp` (the caller's address, for the login limits). The attempt is
   * counted before the password is checked (LoginThrottle), and an unknown e-mail costs the
   * same Argon2 verification as a known one, so the answers tell nothing of who has an account.
   */
  async login(email: string, password: string, clientIp: string | undefined): Promise<Session> {
    const normalized = normalizeEmail(email);
    const attempt = await this.throttle.reserve(normalized, clientIp);
    const user = await this.users.findOneBy({ email: normalized });
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      throw new DomainError(AccountErrorCode.INVALID_CREDENTIALS, 'Email or password is incorrect');
    }
    await this.throttle.succeeded(attempt);
    return { token: this.tokens.sign(actorOf(user)), user };
  }

  async createUser(actor: Actor, input: CreateUserInput): Promise<UserEntity> {
    if (!isAdmin(actor)) throw forbidden('Only admins create accounts with roles');
    const economies = validateRoles(input.roles, input.managedEconomies ?? []);
    return this.insert(input.email, input.password, input.displayName, input.roles, economies, {
      actorId: actor.userId,
      action: AuditAction.USER_CREATED,
    });
  }

  async updateUserRoles(actor: Actor, id: string, input: UpdateUserRolesInput): Promise<UserEntity> {
    if (!isAdmin(actor)) throw forbidden('Only admins change roles');
    if (id === actor.userId && !input.roles.includes(Role.ADMIN)) {
      throw badInput('Admins cannot remove their own ADMIN role');
    }
    const managedEconomies = validateRoles(input.roles, input.managedEconomies ?? []);
    const updated = await this.users.manager.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('User');
      const before = { roles: user.roles, managedEconomies: user.managedEconomies };
      user.roles = [...new Set(input.roles)];
      user.managedEconomies = managedEconomies;
      // Tokens carry roles and economies: any change ends the tokens issued before it.
      if (!sameSet(before.roles, user.roles) || !sameSet(before.managedEconomies, managedEconomies)) {
        user.tokenVersion += 1;
      }
      const saved = await manager.save(user);
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.USER_ROLES_CHANGED,
        targetType: 'user',
        targetId: id,
        details: { before, after: { roles: saved.roles, managedEconomies: saved.managedEconomies } },
      });
      return saved;
    });
    // This process stops accepting the old tokens at once; the others within their cache time.
    this.versions.forget(id);
    return updated;
  }

  async me(actor: Actor): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id: actor.userId });
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'This account no longer exists');
    return user;
  }

  async findById(actor: Actor, id: string): Promise<UserEntity> {
    if (!isAdmin(actor) && actor.userId !== id) throw notFound('User');
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('User');
    return user;
  }

  /** Users by id in the order asked (null where missing); for batching loaders. */
  async findByIds(ids: readonly string[]): Promise<Array<UserEntity | null>> {
    const found = await this.users.findBy({ id: In([...ids]) });
    const byId = new Map(found.map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async list(
    actor: Actor,
    request: PageRequest & { role?: Role | null; search?: string | null },
  ): Promise<Page<UserEntity>> {
    if (!isAdmin(actor)) throw forbidden('Only admins list accounts');
    const base = this.users.createQueryBuilder('u');
    if (request.role) base.andWhere(':role = ANY(u.roles)', { role: request.role });
    if (request.search) {
      base.andWhere('(u.email ILIKE :q OR u.display_name ILIKE :q)', {
        q: `%${escapeLike(request.search)}%`,
      });
    }
    return keysetPage(base, request, {
      keyColumn: 'u.email',
      idColumn: 'u.id',
      fetch: (query) => query.getMany(),
      positionOf: (u) => ({ key: u.email, id: u.id }),
    });
  }

  /**
   * A deployment's first admin (`npm run create-admin`): only admins create admins, and a
   * production deployment has none until this. EMAIL_TAKEN when the e-mail has an account.
   */
  async createAdminFromCommandLine(
    email: string,
    password: string,
    displayName: string,
  ): Promise<UserEntity> {
    return this.insert(email, password, displayName, [Role.ADMIN], [], {
      actorId: null,
      action: AuditAction.USER_CREATED,
      details: { source: 'command-line' },
    });
  }

  /** The accounts that exist among these e-mails (no access check: for start-up and tools). */
  async findByEmails(emails: readonly string[]): Promise<UserEntity[]> {
    return this.users.findBy({ email: In(emails.map(normalizeEmail)) });
  }

  /** Creates the account if the email is free; used by the demo loader and tests. */
  async ensureUser(
    email: string,
    password: string,
    displayName: string,
    roles: Role[],
    managedEconomies: EconomyCode[] = [],
  ): Promise<UserEntity> {
    const existing = await this.users.findOneBy({ email: normalizeEmail(email) });
    return (
      existing ??
      this.insert(email, password, displayName, roles, managedEconomies, {
        actorId: null,
        action: AuditAction.USER_CREATED,
      })
    );
  }

  private async insert(
    email: string,
    password: string,
    displayName: string,
    roles: Role[],
    managedEconomies: EconomyCode[],
    audit: { actorId: string | null; action: AuditAction; details?: Record<string, unknown> },
  ): Promise<UserEntity> {
    // Hashing is slow on purpose: done before the transaction, not while holding a connection.
    const passwordHash = await this.hasher.hash(password);
    try {
      return await this.users.manager.transaction(async (manager) => {
        const user = await manager.save(
          manager.create(UserEntity, {
            email: normalizeEmail(email),
            passwordHash,
            displayName: displayName.trim(),
            roles: [...new Set(roles)],
            managedEconomies,
            tokenVersion: 0,
          }),
        );
        await this.audit.record(manager, {
          // A self-registration is the new user's own act.
          actorId: audit.actorId ?? (audit.action === AuditAction.USER_REGISTERED ? user.id : null),
          action: audit.action,
          targetType: 'user',
          targetId: user.id,
          details: { roles: user.roles, managedEconomies: user.managedEconomies, ...audit.details },
        });
        return user;
      });
    } catch (err) {
      if (
        err instanceof QueryFailedError &&
        (err.driverError as { code?: string }).code === UNIQUE_VIOLATION
      ) {
        throw new DomainError(AccountErrorCode.EMAIL_TAKEN, 'An account with this email already exists');
      }
      throw err;
    }
  }
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && new Set(a).size === new Set([...a, ...b]).size;

function validateRoles(roles: Role[], economies: string[]): EconomyCode[] {
  if (roles.length === 0) throw badInput('At least one role is required');
  const unknown = economies.filter((e) => !isEconomyCode(e));
  if (unknown.length > 0) throw badInput(`Unknown economy codes: ${unknown.join(', ')}`);
  if (roles.includes(Role.PROGRAM_MANAGER)) {
    if (economies.length === 0) throw badInput('A program manager needs at least one economy');
    return [...new Set(economies)].sort() as EconomyCode[];
  }
  if (economies.length > 0) throw badInput('Only program managers have managed economies');
  return [];
}
