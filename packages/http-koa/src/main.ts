// Placeholder until the REST server lands (issue 6): says what `npm start` will do.
console.log(
  [
    'Doctorly server: not implemented yet.',
    'Plan: with no DATABASE_URL, start on PGlite under ./.doctorly (migrated, catalog seeded),',
    'with an in-memory cache and PostgreSQL search, listening on http://localhost:5000 with docs at /docs.',
  ].join('\n'),
);
