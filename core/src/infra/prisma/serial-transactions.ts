import { PrismaPg } from "@prisma/adapter-pg";

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgTransaction = Awaited<ReturnType<PgAdapter["startTransaction"]>>;

/** The transaction, sending each query only once the one before it has been answered or has failed. */
function oneAtATime(tx: PgTransaction): PgTransaction {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(query: () => Promise<T>): Promise<T> => {
    const answer = previous.then(query, query);
    previous = answer.catch(() => undefined);
    return answer;
  };
  const queryRaw = tx.queryRaw.bind(tx);
  const executeRaw = tx.executeRaw.bind(tx);
  tx.queryRaw = (query) => inTurn(() => queryRaw(query));
  tx.executeRaw = (query) => inTurn(() => executeRaw(query));
  return tx;
}

/**
 * The PostgreSQL adapter, with each interactive transaction's queries sent to its connection one at a time.
 * Prisma 7 loads the relations of a read side by side (its query plan's `join` node awaits them with
 * Promise.all); outside a transaction each goes to a pool connection of its own, but inside one they all
 * share the transaction's single pg client. pg queues them, warns ("Calling client.query() when the client is
 * already executing a query", from pg 8.19) and will refuse them in pg 9. Unfixed in @prisma/adapter-pg 7.10.1
 * (prisma/orm#29407; the open fix, #29979, serialises the same way): drop this once a release carries it.
 * The connection answered queries in turn anyway, so waiting here costs nothing.
 */
export class SerialTransactionsPg extends PrismaPg {
  override async connect(): Promise<PgAdapter> {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => oneAtATime(await startTransaction(isolationLevel));
    return adapter;
  }
}
