import { removeTestUsers } from './fixtures/users';

export default function globalTeardown(): void {
  removeTestUsers();
}
