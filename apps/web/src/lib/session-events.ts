// A 401 anywhere means the session ended. The app decides what that means for the current
// screen (sign-in page with ?next=, or a wall display signing itself back in with its token).
type Handler = () => void;
let handler: Handler | null = null;

export function setUnauthorizedHandler(h: Handler | null): () => void {
  handler = h;
  return () => {
    if (handler === h) handler = null;
  };
}

export function notifyUnauthorized(): void {
  handler?.();
}
