import { copyWebDist, createRunDir, pruneOldRuns } from './fixtures/run-dir';
import { createTestUsers } from './fixtures/users';

export default async function globalSetup(): Promise<void> {
  pruneOldRuns();
  createRunDir();
  await copyWebDist();
  createTestUsers();
}
