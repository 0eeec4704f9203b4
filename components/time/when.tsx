import { useFormatter } from "next-intl";

export type WhenStyle = "date" | "dateTime";

export const WHEN_OPTIONS = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
} as const;

// Every time a user reads: in the viewer's time zone (the request config's, Asia/Shanghai by
// default: i18n/request.ts) and in one format per style on every page. Never toLocaleString()
// (the server's zone, UTC in production) or an ISO slice (a UTC date, a day off in the evening).
export function When({ at, show = "dateTime" }: { at: string | Date; show?: WhenStyle }) {
  const format = useFormatter();
  const date = typeof at === "string" ? new Date(at) : at;
  return <time dateTime={date.toISOString()}>{format.dateTime(date, WHEN_OPTIONS[show])}</time>;
}
