import { Link } from 'react-router';

export function NotFoundRoute() {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-3 p-8">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-muted">There is nothing at this address.</p>
      <Link to="/" className="btn self-start">
        Back to the overview
      </Link>
    </div>
  );
}
