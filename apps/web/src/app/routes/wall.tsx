export function WallRoute() {
  return <div>Wall</div>;
}
