import { ThresholdsForm } from '@/features/thresholds/components/thresholds-form';

export function SettingsRoute() {
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4 p-4 lg:p-6">
      <title>Time limits · Floorwatch</title>
      <h1 className="text-2xl font-semibold tracking-tight">Time limits</h1>
      <ThresholdsForm />
    </div>
  );
}
