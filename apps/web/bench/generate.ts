// A leads database for the benchmarks, made inside PostgreSQL (INSERT … SELECT generate_series):
// `workspaces` workspaces, `total` leads, the first workspace ("ws0001") holding one lead in
// five. Leads are created over two years in insertion order (as they would be), with names from
// common first and last names, unique emails, and a spread of appointment statuses.
// Lead's secondary indexes are dropped for the load and built again afterwards (2 at a time).
import { hashPassword } from "better-auth/crypto";
import pg from "pg";

const FIRST = `Maria,James,Mary,Robert,Patricia,John,Jennifer,Michael,Linda,David,Elizabeth,William,Barbara,Richard,
Susan,Joseph,Jessica,Thomas,Sarah,Charles,Karen,Christopher,Lisa,Daniel,Nancy,Matthew,Betty,Anthony,Sandra,Mark,
Margaret,Donald,Ashley,Steven,Kimberly,Andrew,Emily,Paul,Donna,Joshua,Michelle,Kenneth,Carol,Kevin,Amanda,Brian,
Melissa,George,Deborah,Timothy,Stephanie,Ronald,Dorothy,Jason,Rebecca,Edward,Sharon,Jeffrey,Laura,Ryan,Cynthia,
Jacob,Amy,Gary,Kathleen,Nicholas,Angela,Eric,Shirley,Jonathan,Brenda,Stephen,Emma,Larry,Anna,Justin,Pamela,Scott,
Nicole,Brandon,Samantha,Benjamin,Katherine,Samuel,Christine,Gregory,Helen,Alexander,Debra,Patrick,Rachel,Frank,
Carolyn,Raymond,Janet,Jack,Dennis,Catherine,Jerry,Heather,Tyler,Diane,Aaron,Olivia,José,Hannah,Adam,Julie,Nathan,
Joyce,Henry,Victoria,Zachary,Ruth,Douglas,Virginia,Peter,Lauren,Kyle,Kelly,Noah,Christina,Ethan,Joan,Jeremy,Evelyn,
Walter,Judith,Christian,Andrea,Keith,Roger,Megan,Terry,Cheryl,Austin,Jacqueline,Sean,Martha,Gerald,Madison,Carl,
Teresa,Harold,Gloria,Dylan,Sara,Arthur,Janice,Lawrence,Ann,Jordan,Kathryn,Jesse,Abigail,Bryan,Sophia,Billy,Frances,
Bruce,Jean,Gabriel,Alice,Joe,Judy,Logan,Isabella,Alan,Julia,Juan,Grace,Albert,Amber,Willie,Denise,Elijah,Danielle,
Wayne,Marilyn,Randy,Beverly,Vincent,Charlotte,Mason,Natalie,Roy,Theresa,Ralph,Diana,Bobby,Brittany,Russell,Doris,
Bradley,Kayla,Philip,Alexis,Eugene,Lori,Noor,Luca,Tomás,Dev,Ravi,Zoë`;

const LAST = `Smith,Johnson,Williams,Brown,Jones,Garcia,Miller,Davis,Rodriguez,Martinez,Hernandez,Lopez,Gonzalez,Wilson,
Anderson,Thomas,Taylor,Moore,Jackson,Martin,Lee,Perez,Thompson,White,Harris,Sanchez,Clark,Ramirez,Lewis,Robinson,
Walker,Young,Allen,King,Wright,Scott,Torres,Nguyen,Hill,Flores,Green,Adams,Nelson,Baker,Hall,Rivera,Campbell,Mitchell,
Carter,Roberts,Gomez,Phillips,Evans,Turner,Diaz,Parker,Cruz,Edwards,Collins,Reyes,Stewart,Morris,Morales,Murphy,Cook,
Rogers,Gutierrez,Ortiz,Morgan,Cooper,Peterson,Bailey,Reed,Kelly,Howard,Ramos,Kim,Cox,Ward,Richardson,Watson,Brooks,
Chavez,Wood,James,Bennett,Gray,Mendoza,Ruiz,Hughes,Price,Alvarez,Castillo,Sanders,Patel,Myers,Long,Ross,Foster,
Jimenez,Powell,Jenkins,Perry,Russell,Sullivan,Bell,Coleman,Butler,Henderson,Barnes,Gonzales,Fisher,Vasquez,Simmons,
Romero,Jordan,Patterson,Alexander,Hamilton,Graham,Reynolds,Griffin,Wallace,Moreno,West,Cole,Hayes,Bryant,Herrera,
Gibson,Ellis,Tran,Medina,Aguilar,Stevens,Murray,Ford,Castro,Marshall,Owens,Harrison,Fernandez,McDonald,Woods,
Washington,Kennedy,Wells,Vargas,Henry,Chen,Freeman,Webb,Tucker,Guzman,Burns,Crawford,Olson,Simpson,Porter,Hunter,
Gordon,Mendez,Silva,Shaw,Snyder,Mason,Dixon,Muñoz,Hunt,Hicks,Holmes,Palmer,Wagner,Black,Robertson,Boyd,Rose,Stone,
Salazar,Fox,Warren,Mills,Meyer,Rice,Schmidt,Garza,Daniels,Ferguson,Nichols,Stephens,Soto,Weaver,Ryan,Gardner,Payne,
Grant,Dunn,Kelley,Spencer,Hawkins,Arnold,Pierce,Vazquez,Hansen,Peters,Santos,Hart,Bradley,Knight,Elliott,Cunningham,
Duncan,Armstrong,Hudson,Carroll,Lane,Riley,Andrews,Alvarado,Ray,Delgado,Berry,Perkins,Hoffman,Johnston,Matthews,
Peña,Richards,Willis,Carpenter,Lawrence,Sandoval,Obi,Haddad,Rossi,Menon`;

const words = (list: string) => list.split(",").map((w) => w.trim());

export const BIG_WORKSPACE = "ws0001";
/** The member the benchmarks act as (an admin of the big workspace). */
export const BENCH_USER = { email: "bench.admin@bench.example", name: "Bench Admin", password: "bench-password-0001" };

export type GenerateOptions = { workspaces: number; total: number };

/** Builds the dataset in the migrated, empty database at `url`; returns the seconds it took. */
export async function generateLeads(url: string, opts: GenerateOptions): Promise<number> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET maintenance_work_mem = '512MB'");
    await client.query("SET synchronous_commit = off");
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename = 'Lead' AND indexname <> 'Lead_pkey'`,
    );
    for (const i of indexes) await client.query(`DROP INDEX "${i.name}"`);

    await client.query(
      `INSERT INTO "Client" (id, name, "createdAt", "updatedAt", "calendlyEnabled", "calendlyAccessTokenLast4",
         "calendlyUserName", "calendlyUserEmail", "calendlyUserUri", "calendlyOrganizationUri",
         "calendlyConnectionStatus", "calendlyConnectionCheckedAt", "calendlyWebhookSubscriptionUri",
         "calendlyWebhookState", "calendlyWebhookCheckedAt", "calendlyLastWebhookAt")
       SELECT 'ws' || lpad(g::text, 4, '0'), 'Workspace ' || g, now(), now(), true, 'ab12',
         'Host ' || g, 'host' || g || '@bench.example', 'https://api.calendly.com/users/U' || g,
         'https://api.calendly.com/organizations/O' || g, 'CONNECTED', now(),
         'https://api.calendly.com/webhook_subscriptions/S' || g, 'active', now(), now()
       FROM generate_series(1, $1::int) g`,
      [opts.workspaces],
    );
    await client.query(
      `INSERT INTO "WorkspaceSettings" (id, "clientId", "meetingBookingProvider", "calendlyEventTypeLink",
         "calendlyEventTypeUri", "calendlyEventTypeName", "createdAt", "updatedAt")
       SELECT 'set' || g, 'ws' || lpad(g::text, 4, '0'), 'CALENDLY', 'https://calendly.com/ws' || g || '/intro',
         'https://api.calendly.com/event_types/ET' || g, 'Intro call', now(), now()
       FROM generate_series(1, $1::int) g`,
      [opts.workspaces],
    );
    await client.query(
      `INSERT INTO "ClientMember" (id, "clientId", email, role) VALUES ('bench-member', $1, $2, 'ADMIN')`,
      [BIG_WORKSPACE, BENCH_USER.email],
    );
    // Its account, as accepting an invitation makes it (sign-up is closed).
    await client.query(
      `WITH u AS (
         INSERT INTO "user" (id, name, email, "emailVerified", "createdAt", "updatedAt")
         VALUES ('bench-user', $1, $2, true, now(), now()) RETURNING id)
       INSERT INTO account (id, "accountId", "providerId", "userId", password, "createdAt", "updatedAt")
       SELECT 'bench-user-credential', id, 'credential', id, $3, now(), now() FROM u`,
      [BENCH_USER.name, BENCH_USER.email, await hashPassword(BENCH_USER.password)],
    );

    // One lead in five belongs to the big workspace; the others are spread over the rest.
    // createdAt grows with the row (two years, a little jitter); statuses: 40% none, 30% booked,
    // 10% canceled, 10% rescheduled, 10% no-show.
    await client.query(
      `INSERT INTO "Lead" (id, "clientId", name, email, source, "appointmentStatus", "appointmentStartAt",
         "appointmentEndAt", "appointmentHostName", "appointmentHostEmail", "createdAt", "updatedAt")
       SELECT 'ld' || lpad(to_hex(g), 8, '0'),
         CASE WHEN g % 5 = 0 THEN $3 ELSE 'ws' || lpad((2 + (hashint4(g) & 2147483647) % ($2::int - 1))::text, 4, '0') END,
         f.name || ' ' || l.name,
         lower(translate(f.name, 'éáñóëÉ', 'eanoeE')) || '.' || lower(translate(l.name, 'éáñóë', 'eanoe')) || g || '@'
           || (ARRAY['example.com','mail.example','acme.example','northwind.example'])[1 + g % 4],
         (ARRAY['MANUAL','CALENDLY','ADMIN_API','GHL']::"LeadSource"[])[1 + (g / 7) % 4],
         s.status,
         CASE WHEN s.status <> 'NONE' THEN t.created + interval '3 days' END,
         CASE WHEN s.status <> 'NONE' THEN t.created + interval '3 days 30 minutes' END,
         CASE WHEN s.status <> 'NONE' THEN 'Host ' || (1 + g % 7) END,
         CASE WHEN s.status <> 'NONE' THEN 'host' || (1 + g % 7) || '@bench.example' END,
         t.created, t.created
       FROM generate_series(1, $1::int) g
       CROSS JOIN LATERAL (SELECT timestamp '2024-11-01' + (g::float8 / $1::int) * interval '730 days'
                             + ((hashint4(g * 11) & 1023) * interval '1 millisecond') AS created) t
       CROSS JOIN LATERAL (SELECT (ARRAY['NONE','NONE','NONE','NONE','BOOKED','BOOKED','BOOKED','CANCELED',
                             'RESCHEDULED','NO_SHOW']::"AppointmentStatus"[])[1 + (hashint4(g + 7) & 2147483647) % 10]
                             AS status) s
       JOIN unnest($4::text[]) WITH ORDINALITY AS f(name, i) ON f.i = 1 + (hashint4(g * 3) & 2147483647) % $5::int
       JOIN unnest($6::text[]) WITH ORDINALITY AS l(name, i) ON l.i = 1 + (hashint4(g * 5) & 2147483647) % $7::int`,
      [opts.total, opts.workspaces, BIG_WORKSPACE, words(FIRST), words(FIRST).length, words(LAST), words(LAST).length],
    );

    // Indexes back, two builds at a time (one per core).
    const queue = [...indexes];
    const builders = await Promise.all(
      [0, 1].map(async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query("SET maintenance_work_mem = '512MB'");
        return c;
      }),
    );
    await Promise.all(
      builders.map(async (c) => {
        for (let i = queue.shift(); i; i = queue.shift()) await c.query(i.def);
        await c.end();
      }),
    );
    await client.query(`VACUUM (ANALYZE) "Lead"`);
    await client.query(`ANALYZE`);
  } finally {
    await client.end();
  }
  return (performance.now() - started) / 1000;
}
