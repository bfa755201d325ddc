// First run without a users file: a supervisor and an admin with random passwords and one
// wallboard link, printed at start-up. Only ever used with the embedded simulator (config
// refuses it otherwise).
import { randomBytes } from 'node:crypto';
import { GENERATED_SECRET_COST, hashPassword } from './password-hash';
import type { User } from './users-file';

export interface DemoAccess {
  users: User[];
  username: string;
  password: string;
  wallToken: string;
  /** The demo admin, who may also change shared settings. */
  admin: { username: string; password: string };
}

export async function createDemoUsers(): Promise<DemoAccess> {
  const password = randomBytes(9).toString('base64url');
  const adminPassword = randomBytes(9).toString('base64url');
  const wallToken = randomBytes(24).toString('base64url');
  return {
    username: 'demo',
    password,
    wallToken,
    admin: { username: 'demo-admin', password: adminPassword },
    users: [
      {
        username: 'demo-admin',
        role: 'admin',
        queues: '*',
        passwordHash: await hashPassword(adminPassword),
        linkToken: null,
      },
      {
        username: 'demo',
        role: 'supervisor',
        queues: '*',
        passwordHash: await hashPassword(password, GENERATED_SECRET_COST),
        linkToken: null,
      },
      {
        username: 'demo-wall',
        role: 'wallboard',
        queues: '*',
        passwordHash: null,
        linkToken: await hashPassword(wallToken, GENERATED_SECRET_COST),
      },
    ],
  };
}
