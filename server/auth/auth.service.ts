import { randomUUID } from 'node:crypto';
import type { Login, SessionUser } from '../../shared/auth.schema';
import type { Logger } from '../platform/logger';
import { generatePassword, hashPassword, verifyPassword } from './passwords';
import type { UsersRepository } from './users.repository';

// Verifying against this keeps a wrong username as slow as a wrong password (no user enumeration by timing).
const DUMMY_HASH_PASSWORD = 'not-a-real-password';

export class AuthService {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly users: UsersRepository,
    private readonly now: () => number,
  ) {}

  /**
   * Creates `admin` on the first start. The password comes from SHOWFLOOR_ADMIN_PASSWORD or is
   * generated and printed once; only its hash is stored.
   */
  async ensureAdmin(configured: string | undefined, logger: Logger): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const password = configured ?? generatePassword();
    await this.users.create(
      { id: randomUUID(), username: 'admin', passwordHash: await hashPassword(password), role: 'admin', disabled: false },
      new Date(this.now()).toISOString(),
    );
    if (configured) {
      logger.info('created the admin account with the password from SHOWFLOOR_ADMIN_PASSWORD');
    } else {
      // Printed on stdout on its own, once: it is not kept anywhere in clear text.
      process.stdout.write(`\n  showfloor: created user "admin" with password: ${password}\n  (shown once; keep it safe)\n\n`);
    }
  }

  /** The user these credentials belong to, or undefined. */
  async verify(login: Login): Promise<SessionUser | undefined> {
    const user = await this.users.findByUsername(login.username);
    if (!user || user.disabled) {
      this.dummyHash ??= hashPassword(DUMMY_HASH_PASSWORD);
      await verifyPassword(login.password, await this.dummyHash);
      return undefined;
    }
    if (!(await verifyPassword(login.password, user.passwordHash))) return undefined;
    return { id: user.id, username: user.username, role: user.role };
  }

  /** The current state of a signed-in user (disabled users lose their sessions' rights at once). */
  async sessionUser(id: string): Promise<SessionUser | undefined> {
    const user = await this.users.findById(id);
    return user && !user.disabled ? { id: user.id, username: user.username, role: user.role } : undefined;
  }
}
