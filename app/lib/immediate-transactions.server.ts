import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;
type SqliteTransaction = Awaited<ReturnType<SqliteAdapter["startTransaction"]>>;
type SqlQuery = Parameters<SqliteAdapter["queryRaw"]>[0];

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/**
 * Replaces the adapter's transactions with ones that start with BEGIN IMMEDIATE, taking SQLite's
 * write lock (waiting busy_timeout for it) before their first statement (ADR 020).
 *
 * The adapter begins DEFERRED: a transaction that reads before it writes then fails at once with
 * SQLITE_BUSY when another connection committed after its read, which several server processes
 * on one file make an everyday event (seen: 11 of 60 read-then-write transactions per process).
 * The adapter also cannot survive a BEGIN that fails: its lock is never released and the
 * connection runs no transaction again. So the transaction is made here, on the same connection
 * and with the same contract — one at a time per connection, Prisma sends COMMIT or ROLLBACK
 * itself, then calls commit() or rollback() — and the lock is released whatever BEGIN does.
 * Statements go through the adapter's own queryRaw/executeRaw (so the query log sees them).
 */
export function withImmediateTransactions(adapter: SqliteAdapter): SqliteAdapter {
  const startDeferred = adapter.startTransaction.bind(adapter);
  let previous: Promise<void> = Promise.resolve();
  adapter.startTransaction = async (isolationLevel) => {
    // Other levels: the adapter's own refusal.
    if (isolationLevel !== undefined && isolationLevel !== "SERIALIZABLE") return startDeferred(isolationLevel);
    let release: () => void = () => {};
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = previous;
    previous = mine;
    await before;
    try {
      await adapter.executeRaw(statement("BEGIN IMMEDIATE"));
    } catch (error) {
      release();
      throw error;
    }
    let open = true;
    const end = async () => {
      if (open) {
        open = false;
        release();
      }
    };
    const transaction: SqliteTransaction = {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      options: { usePhantomQuery: false },
      queryRaw: (query) => adapter.queryRaw(query),
      executeRaw: (query) => adapter.executeRaw(query),
      commit: end,
      rollback: end,
      createSavepoint: async (name) => {
        await adapter.executeRaw(statement(`SAVEPOINT ${name}`));
      },
      rollbackToSavepoint: async (name) => {
        await adapter.executeRaw(statement(`ROLLBACK TO ${name}`));
      },
      releaseSavepoint: async (name) => {
        await adapter.executeRaw(statement(`RELEASE SAVEPOINT ${name}`));
      },
    };
    return transaction;
  };
  return adapter;
}
