// Tokens of stored wall links: 32 random bytes, shown once, kept only as a SHA-256 hash. A slow
// hash (as for passwords) buys nothing for a random 256-bit secret, and a plain hash lets the
// store find the link by an index instead of trying every link's hash in turn.
import type { WallDisplay, WallLink } from '@floorwatch/contracts/api';
import { createHash, randomBytes } from 'node:crypto';
import type { User } from './users-file';

export function newWallToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A stored link's id: short, random, safe in a URL path. */
export function newWallLinkId(): string {
  return randomBytes(9).toString('base64url');
}

export function hashWallToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const WALL_LINK_USER = 'wall-link:';

/** The signed-in user of a wall display opened with a stored link. */
export function wallLinkUser(link: WallLink): User {
  return {
    username: `${WALL_LINK_USER}${link.id}`,
    role: 'wallboard',
    queues: link.queues,
    passwordHash: null,
    linkToken: null,
    wallLinkId: link.id,
  };
}

export function wallDisplayOf(link: WallLink): WallDisplay {
  return {
    linkId: link.id,
    name: link.name,
    queues: link.queues,
    rotateSec: link.rotateSec,
    lang: link.lang,
    sound: link.sound,
  };
}

/** The stored link a wall display's user name stands for; null for anyone else. */
export function wallLinkIdOf(username: string): string | null {
  return username.startsWith(WALL_LINK_USER) ? username.slice(WALL_LINK_USER.length) : null;
}
