// Who may sign in, and which queues each user sees. A JSON file (FLOORWATCH_USERS), validated
// once at start so a typo stops start-up loudly; people are managed where the operator manages
// files, while wall links can also live in the settings store (wall-link-token.ts).
import { queueScope, roles, type QueueScope, type Role } from '@floorwatch/contracts/api';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isPasswordHash, needsRehash } from './password-hash';

export interface User {
  username: string;
  role: Role;
  queues: QueueScope;
  passwordHash: string | null;
  linkToken: string | null;
  /** Set for a wall display signed in with a wall link from the settings store. */
  wallLinkId?: string;
}

const hash = z
  .string()
  .refine(isPasswordHash, 'must be a hash printed by `pnpm --silent hash-password`');

const userSchema = z
  .object({
    username: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits and . _ @ - only'),
    passwordHash: hash.optional(),
    role: roles,
    queues: queueScope,
    linkToken: hash.optional().describe('Hash of a wallboard link token'),
  })
  .strict()
  .refine((u) => u.passwordHash !== undefined || u.linkToken !== undefined, {
    message: 'needs passwordHash or linkToken',
  })
  .refine((u) => u.linkToken === undefined || u.role === 'wallboard', {
    message: 'linkToken is only for role wallboard',
    path: ['linkToken'],
  });

export class UsersFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsersFileError';
  }
}

/** Validates parsed JSON; `source` names the file in every message. */
export function parseUsers(data: unknown, source: string): User[] {
  if (!Array.isArray(data)) throw new UsersFileError(`Users file ${source}: must be a JSON array`);
  const users: User[] = [];
  const seen = new Set<string>();
  data.forEach((entry: unknown, i: number) => {
    const name =
      typeof entry === 'object' && entry !== null && 'username' in entry
        ? ` (username ${JSON.stringify(entry.username)})`
        : '';
    const r = userSchema.safeParse(entry);
    if (!r.success) {
      const msgs = r.error.issues.map((iss) => `${iss.path.join('.') || 'entry'}: ${iss.message}`);
      throw new UsersFileError(`Users file ${source}: entry ${i}${name}: ${msgs.join('; ')}`);
    }
    const key = r.data.username.toLowerCase();
    if (seen.has(key))
      throw new UsersFileError(`Users file ${source}: entry ${i}${name}: duplicate username`);
    seen.add(key);
    users.push({
      username: r.data.username,
      role: r.data.role,
      queues: Array.isArray(r.data.queues) ? [...new Set(r.data.queues)] : '*',
      passwordHash: r.data.passwordHash ?? null,
      linkToken: r.data.linkToken ?? null,
    });
  });
  return users;
}

export function loadUsersFile(file: string): User[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsersFileError(
      `Users file ${file} (FLOORWATCH_USERS): cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsersFileError(`Users file ${file}: not valid JSON (${(err as Error).message})`);
  }
  return parseUsers(data, file);
}

/** Users whose password hash is below today's cost: they still sign in, and start-up names them
 *  so the operator hashes those passwords again. Link tokens are random, so never weak. */
export function weakPasswordHashes(users: readonly User[]): string[] {
  return users.filter((u) => u.passwordHash && needsRehash(u.passwordHash)).map((u) => u.username);
}
