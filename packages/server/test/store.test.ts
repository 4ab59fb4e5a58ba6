import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../src/main.js';
import { addUser, createOrganization } from '../src/modules/identity/bootstrap.js';
import { createProvider, createTeam, listTeams } from '../src/modules/identity/service.js';
import { modules } from '../src/modules.js';
import { systemClock } from '../src/platform/clock.js';
import { scopeRulesOf } from '../src/platform/context.js';
import { openDatabase } from '../src/platform/db/connect.js';
import { execScript, type Migration, type MigrationReport, migrate } from '../src/platform/db/migrate.js';
import { type Actor, ScopedDb } from '../src/platform/scope.js';
import { databaseTargets, type TestDatabase } from '../src/test-support/databases.js';
import { pgliteTemplate } from '../src/test-support/pglite-template.js';

const rules = scopeRulesOf(modules);

// One store suite, run on every database target: PGlite always, PostgreSQL when DATABASE_URL is set.
for (const target of databaseTargets()) {
  describe(`store on ${target.kind}`, () => {
    let database: TestDatabase;
    let admin: Actor;
    let inHouse: string;
    let fresh: MigrationReport;

    beforeAll(async () => {
      database = await target.open();
      fresh = await runMigrations(database);
      const org = await createOrganization(database.db, systemClock, { name: `Store Co ${target.kind}` });
      inHouse = org.inHouseProviderId;
      admin = await addUser(database.db, systemClock, {
        organizationId: org.organizationId,
        email: `admin-${target.kind}@store.example`,
        name: 'Admin',
        role: 'admin',
        providerId: null,
        password: 'correct horse battery',
      });
    }, 60_000);
    afterAll(() => database?.close());

    it('applies every module’s migrations in time order on a fresh database, not module by module', () => {
      const ids = modules.flatMap((m) => m.migrations.map((x) => x.id));
      expect(fresh.applied).toEqual([...ids].sort());
      expect(fresh.applied).not.toEqual(ids);
    });

    it('applies migrations once: a second run applies nothing', async () => {
      const again = await runMigrations(database);
      expect(again.applied).toEqual([]);
      expect(again.alreadyApplied).toBeGreaterThan(0);
    });

    it('stamps inserts with the organization and filters reads by it', async () => {
      const s = new ScopedDb(database.db, admin, rules);
      const vendor = await createProvider(s, systemClock, {
        name: 'Store vendor',
        kind: 'vendor',
        shore: 'offshore',
        countries: ['PH'],
        languages: ['en'],
      });
      const team = await createTeam(s, systemClock, {
        providerId: vendor.id,
        name: 'Night shift',
        site: 'Cebu',
        languages: ['en'],
        channels: ['chat'],
        timeZone: 'Asia/Manila',
        businessHours: [{ day: 'mon', open: '00:00', close: '24:00' }],
      });
      const row = await database.db
        .selectFrom('teams')
        .selectAll()
        .where('id', '=', team.id)
        .executeTakeFirstOrThrow();
      expect(row.organization_id).toBe(admin.organizationId);
      expect(row.business_hours).toEqual([{ day: 'mon', open: '00:00', close: '24:00' }]);
      expect(row.languages).toEqual(['en']);

      const stranger: Actor = { ...admin, organizationId: 'org_other' };
      expect(await listTeams(new ScopedDb(database.db, stranger, rules), {})).toEqual([]);
      const vendorStaff: Actor = { ...admin, providerId: vendor.id };
      expect((await listTeams(new ScopedDb(database.db, vendorStaff, rules), {})).map((t) => t.id)).toEqual([
        team.id,
      ]);
    });

    it('refuses a vendor actor’s insert into another provider, and writes nothing', async () => {
      const vendorStaff: Actor = { ...admin, providerId: 'prv_somebody_else' };
      const s = new ScopedDb(database.db, vendorStaff, rules);
      expect(() =>
        s.insertInto('teams', { id: 'team_x', provider_id: inHouse, name: 'Sneaky', time_zone: 'UTC' }),
      ).toThrow(/not found/);
      const found = await database.db.selectFrom('teams').select('id').where('id', '=', 'team_x').execute();
      expect(found).toEqual([]);
    });

    it('rolls a failed transaction back whole', async () => {
      const s = new ScopedDb(database.db, admin, rules);
      await expect(
        s.transaction(async (tx) => {
          await tx
            .insertInto('teams', {
              id: 'team_rollback',
              provider_id: inHouse,
              name: 'Rollback',
              time_zone: 'UTC',
              updated_at: new Date(),
            })
            .execute();
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const found = await database.db
        .selectFrom('teams')
        .select('id')
        .where('id', '=', 'team_rollback')
        .execute();
      expect(found).toEqual([]);
    });

    it('enforces the model in the database too: a vendor needs a shore, e-mails are unique', async () => {
      await expect(
        database.db
          .insertInto('providers')
          .values({
            id: 'prv_no_shore',
            organization_id: admin.organizationId,
            name: 'No shore',
            kind: 'vendor',
            shore: null,
            countries: [],
            languages: [],
            updated_at: new Date(),
          })
          .execute(),
      ).rejects.toThrow();
      await expect(
        addUser(database.db, systemClock, {
          organizationId: admin.organizationId,
          email: `ADMIN-${target.kind}@store.example`,
          name: 'Twin',
          role: 'agent',
          providerId: null,
          password: 'correct horse battery',
        }),
      ).rejects.toThrow();
    });

    it('runs concurrent queries without interleaving transactions', async () => {
      const s = new ScopedDb(database.db, admin, rules);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          s.transaction(async (tx) => {
            await tx
              .insertInto('teams', {
                id: `team_par_${i}`,
                provider_id: inHouse,
                name: `Par ${i}`,
                time_zone: 'UTC',
                updated_at: new Date(),
              })
              .execute();
            return (await tx.selectFrom('teams').select('id').where('id', '=', `team_par_${i}`).execute())
              .length;
          }),
        ),
      );
      expect(results).toEqual(Array(10).fill(1));
    });
    it('recognises a database migrated under the former ids: renamed, nothing applied twice', async () => {
      const renamed = modules.flatMap((m) => m.migrations).filter((m) => m.replaces !== undefined);
      expect(renamed.length).toBeGreaterThan(0);
      for (const m of renamed)
        await sql`update shoreline_migrations set id = ${m.replaces!} where id = ${m.id}`.execute(
          database.db,
        );
      const report = await runMigrations(database);
      expect(report.applied).toEqual([]);
      const rows = await sql<{ id: string }>`select id from shoreline_migrations`.execute(database.db);
      const ids = rows.rows.map((r) => r.id);
      for (const m of renamed) {
        expect(ids).toContain(m.id);
        expect(ids).not.toContain(m.replaces);
      }
    });

    it('refuses a pending migration older than one applied, and a malformed id, before changing anything', async () => {
      const all = modules.flatMap((m) => m.migrations);
      const table =
        (name: string): Migration['up'] =>
        (db) =>
          execScript(db, `create table ${name} (id int);`);
      const late = { id: '2099-01-01T0200_store_late', up: table(`store_late_${target.kind}`) };
      expect((await migrate(database.db, [...all, late])).applied).toEqual([late.id]);
      const early = { id: '2099-01-01T0100_store_early', up: table(`store_early_${target.kind}`) };
      await expect(migrate(database.db, [...all, late, early])).rejects.toThrow(
        /2099-01-01T0100_store_early is older than 2099-01-01T0200_store_late/,
      );
      await expect(migrate(database.db, [...all, { id: '0200_store', up: table('x') }])).rejects.toThrow(
        /not <UTC time>_<module>_<what>/,
      );
      const created = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables
        where table_name = ${`store_early_${target.kind}`}`.execute(database.db);
      expect(created.rows[0]!.n).toBe(0);
    });
  });
}

describe('embedded PGlite data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps data across restarts', async () => {
    // The directory starts from the tests' empty cluster (what initdb would write, without its seconds).
    const template = await pgliteTemplate();
    const first = await openDatabase({ dataDir: dir, ...(template && { loadDataDir: template }) });
    await runMigrations(first);
    const org = await createOrganization(first.db, systemClock, { name: 'Persistent Co' });
    await first.close();

    const second = await openDatabase({ dataDir: dir });
    const report = await runMigrations(second);
    expect(report.applied).toEqual([]);
    const found = await second.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', org.organizationId)
      .execute();
    expect(found).toEqual([{ name: 'Persistent Co' }]);
    await second.close();
  }, 60_000);
});
