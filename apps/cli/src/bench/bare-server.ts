import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import DataLoader from 'dataloader';
import { Pool } from 'pg';
import { encodeCursor } from '@app/common';
import { EXPERTISE_TOPICS, economyByCode, isicDivision, isicSection } from '@app/taxonomy';

/**
 * The benchmark's baseline: a bare @apollo/server answering the same `organizations` query
 * from the same database with hand-written SQL and a DataLoader, no framework around it.
 */
const typeDefs = `#graphql
  type Economy { code: String! name: String! }
  type IsicSection { code: String! title: String! }
  type IsicDivision { code: String! title: String! section: IsicSection! }
  type ExpertiseTopic { code: String! label: String! }
  type User { id: ID! displayName: String! }
  type Organization {
    id: ID! name: String! kind: String! city: String! locality: String! employees: Int! sizeClass: String!
    womenOwned: Boolean! womenLed: Boolean! economy: Economy! isicDivision: IsicDivision!
    needs: [ExpertiseTopic!]! owner: User
  }
  type OrganizationEdge { cursor: String! node: Organization! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type OrganizationConnection { edges: [OrganizationEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type Query { organizations(first: Int, after: String): OrganizationConnection! }
`;

interface Row {
  id: string;
  name: string;
  kind: string;
  city: string;
  locality: string;
  employees: number;
  size_class: string;
  women_owned: boolean;
  women_led: boolean;
  economy: string;
  isic_division: string;
  needs: string[];
  owner_id: string | null;
}

const topics = new Map(EXPERTISE_TOPICS.map((t) => [t.code as string, t]));

export async function startBareServer(databaseUrl: string, port: number): Promise<string> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const server = new ApolloServer<{ users: DataLoader<string, { id: string; displayName: string } | null> }>({
    typeDefs,
    resolvers: {
      Query: {
        organizations: async (_: unknown, args: { first?: number }) => {
          const first = Math.min(args.first ?? 20, 100);
          const [page, count] = await Promise.all([
            pool.query<Row>(
              `SELECT id, name, kind, city, locality, employees, size_class, women_owned, women_led, economy,
                      isic_division, needs, owner_id
                 FROM organizations ORDER BY name, id LIMIT $1`,
              [first + 1],
            ),
            pool.query<{ count: string }>('SELECT count(*) AS count FROM organizations'),
          ]);
          const rows = page.rows.slice(0, first);
          return {
            totalCount: Number(count.rows[0].count),
            edges: rows.map((r) => ({ cursor: encodeCursor({ key: r.name, id: r.id }), node: r })),
            pageInfo: {
              hasNextPage: page.rows.length > first,
              endCursor: rows.length
                ? encodeCursor({ key: rows[rows.length - 1].name, id: rows[rows.length - 1].id })
                : null,
            },
          };
        },
      },
      Organization: {
        sizeClass: (r: Row) => r.size_class,
        womenOwned: (r: Row) => r.women_owned,
        womenLed: (r: Row) => r.women_led,
        economy: (r: Row) => economyByCode(r.economy),
        isicDivision: (r: Row) => {
          const d = isicDivision(r.isic_division)!;
          const s = isicSection(d.sectionCode)!;
          return { code: d.code, title: d.title, section: { code: s.code, title: s.title } };
        },
        needs: (r: Row) => r.needs.map((c) => topics.get(c)).filter(Boolean),
        owner: (
          r: Row,
          _: unknown,
          ctx: { users: DataLoader<string, { id: string; displayName: string } | null> },
        ) => (r.owner_id ? ctx.users.load(r.owner_id) : null),
      },
    },
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port, host: '127.0.0.1' },
    context: async () => ({
      users: new DataLoader(async (ids: readonly string[]) => {
        const { rows } = await pool.query<{ id: string; display_name: string }>(
          'SELECT id, display_name FROM users WHERE id = ANY($1)',
          [ids],
        );
        const byId = new Map(rows.map((u) => [u.id, { id: u.id, displayName: u.display_name }]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    }),
  });
  return url;
}
