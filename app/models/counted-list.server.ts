import type { Prisma } from "../generated/prisma/client.ts";

type FindManyArgs<Model> = Prisma.Args<Model, "findMany">;

/** What counting and listing takes, whichever model it is (prisma.claim, prisma.deal …). */
interface CountableModel {
  count(args: { where: unknown }): Promise<number>;
  findMany(args: unknown): Promise<unknown>;
}

/**
 * The rows a list shows and how many rows match in all, read together under one filter: for
 * the lists that show their first `take` rows and say how many there are behind them.
 */
export async function findManyWithCount<Model, const Select extends FindManyArgs<Model>["select"]>(
  model: Model,
  args: Omit<FindManyArgs<Model>, "select"> & {
    select: Prisma.SelectSubset<Select, NonNullable<FindManyArgs<Model>["select"]>>;
  },
): Promise<{ count: number; rows: Prisma.Result<Model, { select: Select }, "findMany"> }> {
  const countable = model as unknown as CountableModel;
  const [count, rows] = await Promise.all([countable.count({ where: args.where }), countable.findMany(args)]);
  return { count, rows: rows as Prisma.Result<Model, { select: Select }, "findMany"> };
}
