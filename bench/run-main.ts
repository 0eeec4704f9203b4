import { prisma } from "@/lib/db";

/** Runs a benchmark script's main, closes the database pool and exits with its outcome. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    async () => {
      await prisma.$disconnect();
      process.exit(0);
    },
    async (err: unknown) => {
      console.error(err);
      await prisma.$disconnect();
      process.exit(1);
    },
  );
}
