// First run without a users file: one supervisor with a random password and one wallboard link,
// printed at start-up. Only ever used with the embedded simulator (config refuses it otherwise).
import { randomBytes } from 'node:crypto';
import { GENERATED_SECRET_COST, hashPassword } from './password-hash';
import type { User } from './users-file';

export interface DemoAccess {
  users: User[];
  username: string;
  password: string;
  wallToken: string;
}

export async function createDemoUsers(): Promise<DemoAccess> {
  const password = randomBytes(9).toString('base64url');
  const wallToken = randomBytes(24).toString('base64url');
  return {
    username: 'demo',
    password,
    wallToken,
    users: [
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
