#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded offline.
# `prisma generate|validate|format` never run it; migrations go through scripts/db.ts (WASM engine).
echo "The native Prisma schema engine is not available offline: use npm run db:migrate|db:deploy|db:status." >&2
exit 1
