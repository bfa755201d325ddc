import { existsSync } from 'node:fs';
import path from 'node:path';
import { webDist } from './fixtures/paths';
import { createTestUsers } from './fixtures/users';

export default function globalSetup(): void {
  // The BFF serves whatever is in apps/web/dist; without it every journey fails obscurely.
  if (!existsSync(path.join(webDist, 'index.html')))
    throw new Error(
      `No built SPA in ${webDist}: run \`pnpm --filter @floorwatch/web build\` first.`,
    );
  createTestUsers();
}
