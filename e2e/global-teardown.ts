import { removeRunDir } from './fixtures/run-dir';

export default function globalTeardown(): void {
  removeRunDir();
}
