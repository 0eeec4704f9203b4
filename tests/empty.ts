// Stands in for the `server-only` package under vitest (its real entry throws outside React
// Server Components; scripts get the same effect from `tsx --conditions=react-server`).
export {};
