import type { Route } from '../../server/route';

/**
 * A route that reads a JSON body, as the sync routes will: it stores a partnership, so a
 * duplicate id makes PostgreSQL raise a real error whose detail quotes the row.
 */
export const addPartnershipRoute: Route = {
  method: 'POST',
  pattern: '/test/partnerships',
  body: 'json',
  async handle({ db, body }) {
    const { id, name } = body as { id: string; name: string };
    await db.insertInto('partnerships').values({ id, name }).execute();
    return { status: 201, body: { id } };
  },
};

/** A route whose path carries an identifier, to show the log keeps the pattern only. */
export const getPartnershipRoute: Route = {
  method: 'GET',
  pattern: '/test/partnerships/:id',
  async handle({ db, params }) {
    const row = await db
      .selectFrom('partnerships')
      .select(['id', 'name'])
      .where('id', '=', params.id ?? '')
      .executeTakeFirst();
    return { status: 200, body: row ?? null };
  },
};
