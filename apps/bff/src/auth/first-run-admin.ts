// With a data directory and no users file, the first start creates one admin with a random
// password, prints it once, and keeps only its hash in <data dir>/users.json. Later starts read
// that file. So a deployment never ships example users with published passwords, and never
// starts without a way in.
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashPassword } from './password-hash';
import { loadUsersFile, type User } from './users-file';

export const FIRST_RUN_USERS_FILE = 'users.json';
export const FIRST_RUN_ADMIN = 'admin';

export interface DataDirUsers {
  users: User[];
  file: string;
  /** Set only on the start that created the file: the password to print once. */
  created: { username: string; password: string } | null;
}

export async function loadOrCreateUsers(dataDir: string): Promise<DataDirUsers> {
  const file = path.join(dataDir, FIRST_RUN_USERS_FILE);
  if (existsSync(file)) return { users: loadUsersFile(file), file, created: null };
  const password = randomBytes(18).toString('base64url');
  const entry = {
    username: FIRST_RUN_ADMIN,
    passwordHash: await hashPassword(password),
    role: 'admin',
    queues: '*',
  };
  // Written whole and renamed into place: a crash never leaves half a users file behind.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify([entry], null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
  return { users: loadUsersFile(file), file, created: { username: FIRST_RUN_ADMIN, password } };
}
