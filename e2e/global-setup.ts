import { copyWebDist, createRunDir } from './fixtures/run-dir';
import { createTestUsers } from './fixtures/users';

export default async function globalSetup(): Promise<void> {
  createRunDir();
  await copyWebDist();
  createTestUsers();
}
