// Stands in for `server-only` under Vitest, which runs data-layer modules outside React's server environment.
export {};
