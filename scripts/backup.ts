// npm run backup -- [file]: pg_dump of the database at DATABASE_URL in custom format (default
// .data/backups/techbridge-<UTC timestamp>.dump). See scripts/backup/ and README "Backup and restore".
import { backupDatabase, defaultBackupFile } from "./backup/backup";

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set (e.g. postgresql://user:pass@db:5432/techbridge).");
    return 2;
  }
  const file = process.argv.slice(2).find((a) => !a.startsWith("-")) ?? defaultBackupFile();
  const r = await backupDatabase(url, file);
  console.log(`backup: ${r.file} (${(r.bytes / 1024 / 1024).toFixed(1)} MiB, ${r.entries} archive entries, ${r.tool}) in ${r.seconds.toFixed(1)} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error((err as Error).message ?? err);
    process.exit(1);
  },
);
