// Infrastructure: the one database handle (PGlite or PostgreSQL) and its migrations, transactions owned by the caller, the one write result, configuration, mail, Markdown and SQL helpers.
export * from './db';
export * from './write-result';
export * from './config';
export * from './mail';
export * from './markdown';
export * from './migrate';
export * from './sql';
export * from './startup-error';
