"use client";
import { useSyncExternalStore } from "react";

// Time left until a deadline, ticking every minute (nothing on the server render, so no hydration
// mismatch). Labels come from the server (no messages here).
const subscribe = (tick: () => void) => {
  const t = setInterval(tick, 60_000);
  return () => clearInterval(t);
};
const currentMinute = () => Math.floor(Date.now() / 60_000);
const noMinute = () => null;

export function Countdown({ deadline, labels }: { deadline: string; labels: { closed: string; left: string; d: string; h: string; m: string } }) {
  const minute = useSyncExternalStore(subscribe, currentMinute, noMinute);
  if (minute === null) return <span data-testid="countdown" className="tabular-nums" />;
  const ms = new Date(deadline).getTime() - minute * 60_000;
  if (ms <= 0) return <span data-testid="countdown">{labels.closed}</span>;
  const d = Math.floor(ms / 86_400_000);
  const h = Math.floor((ms % 86_400_000) / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  return (
    <span data-testid="countdown" className="tabular-nums">
      {labels.left} {d}
      {labels.d} {h}
      {labels.h} {m}
      {labels.m}
    </span>
  );
}
