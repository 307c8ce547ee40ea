import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { createOrganisation } from '../../src/lib/server/auth/organisations';
import {
	findOrganisationLogoStamp,
	loadOrganisationLogo,
	removeOrganisationLogo,
	saveOrganisationLogo
} from '../../src/lib/server/auth/organisations';
import { checkLogoFile, LOGO_MAX_BYTES } from '../../src/lib/server/auth/logo-file';
import { inTransaction } from '../../src/lib/server/infra/db';
import { t } from '../../src/lib/server/messages';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const encode = (text: string) => new TextEncoder().encode(text);

/** The logo upload as the admin page's action runs it: check the bytes, then store them, audited. */
describe("an organisation's logo", () => {
	let database: TestDatabase;
	let actor: { id: number; organisationId: number; clientAddress: string | null };
	let otherOrganisationId: number;

	const upload = async (bytes: Uint8Array) => {
		const checked = await checkLogoFile(bytes);
		if (!checked.ok) return checked.message;
		await inTransaction(database.db, (trx) => saveOrganisationLogo(trx, actor, checked.logo));
		return 'saved';
	};
	const auditActions = async () =>
		(
			await database.db
				.selectFrom('auditEvent')
				.select('action')
				.where('action', 'like', 'organisation.logo%')
				.orderBy('id')
				.execute()
		).map((e) => e.action);

	beforeAll(async () => {
		database = await createTestDatabase();
		const organisationId = await createOrganisation(database.db, { name: 'Logo Kommune', municipalityCode: null });
		otherOrganisationId = await createOrganisation(database.db, { name: 'Anden Kommune', municipalityCode: null });
		const { id } = await database.db
			.insertInto('appUser')
			.values({ organisationId, email: 'admin@logo.test', name: 'Admin', role: 'admin' })
			.returning('id')
			.executeTakeFirstOrThrow();
		actor = { id, organisationId, clientAddress: '127.0.0.1' };
	});
	afterAll(() => database.destroy());

	test('too large, wrong type and unsafe SVG are refused in Danish, and nothing is stored', async () => {
		const big = new Uint8Array(LOGO_MAX_BYTES + 10_000);
		big.set(PNG);
		expect(await upload(big)).toBe('Logoet må højst fylde 200 kB; filen fylder 210 kB.');
		expect(await upload(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe(t('admin.logo_wrong_type'));
		expect(
			await upload(encode('<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/")</script><circle r="2"/></svg>'))
		).toBe(t('admin.logo_unsafe_svg'));
		expect(
			await upload(encode('<svg xmlns="http://www.w3.org/2000/svg"><circle onmouseover="x()" r="2"/></svg>'))
		).toBe(t('admin.logo_unsafe_svg'));
		expect(await loadOrganisationLogo(database.db, actor.organisationId)).toBeNull();
		expect(await findOrganisationLogoStamp(database.db, actor.organisationId)).toBeNull();
		expect(await auditActions()).toEqual([]);
	});

	test('a PNG is stored and read back byte for byte; only for its own organisation', async () => {
		expect(await upload(PNG)).toBe('saved');
		const logo = await loadOrganisationLogo(database.db, actor.organisationId);
		expect(logo?.mime).toBe('image/png');
		expect([...logo!.bytes]).toEqual([...PNG]);
		expect(await loadOrganisationLogo(database.db, otherOrganisationId)).toBeNull();
		expect(await findOrganisationLogoStamp(database.db, actor.organisationId)).toBeInstanceOf(Date);
	});

	test('an SVG replaces it, stored sanitised; removing it is audited, removing nothing is not', async () => {
		const svg =
			'<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><!-- tegnet i Inkscape --><circle cx="2" cy="2" r="2" fill="#0b4f8a"/></svg>';
		expect(await upload(encode(svg))).toBe('saved');
		const logo = await loadOrganisationLogo(database.db, actor.organisationId);
		expect(logo?.mime).toBe('image/svg+xml');
		expect(new TextDecoder().decode(logo!.bytes)).toBe(
			'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><circle cx="2" cy="2" r="2" fill="#0b4f8a"/></svg>'
		);
		await inTransaction(database.db, (trx) => removeOrganisationLogo(trx, actor));
		await inTransaction(database.db, (trx) => removeOrganisationLogo(trx, actor));
		expect(await loadOrganisationLogo(database.db, actor.organisationId)).toBeNull();
		expect(await auditActions()).toEqual([
			'organisation.logo_saved',
			'organisation.logo_saved',
			'organisation.logo_removed'
		]);
	});

	test('the database itself refuses an oversized logo or another type', async () => {
		const insert = (mime: string, size: number) =>
			sql`insert into organisation_logo (organisation_id, mime, bytes) values (${otherOrganisationId}, ${mime}, ${new Uint8Array(size)})`.execute(
				database.db
			);
		await expect(insert('image/png', LOGO_MAX_BYTES + 1)).rejects.toThrow();
		await expect(insert('image/gif', 10)).rejects.toThrow();
		await insert('image/png', LOGO_MAX_BYTES);
		expect((await loadOrganisationLogo(database.db, otherOrganisationId))?.bytes.length).toBe(LOGO_MAX_BYTES);
	});
});
