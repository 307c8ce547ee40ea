import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RESET_ANSWER_MS } from '../../src/lib/server/auth/password-reset';
import { RESET_REQUEST_LIMITS } from '../../src/lib/server/auth/rate-limit';
import { createServerDatabase, startServerOn, type ServerDatabase, type ServerProcess } from '../helpers/server';
import { DEMO_PASSWORD, signInCookie } from '../helpers/sign-in';
import { startMailServer, type TestMailServer } from '../helpers/smtp';

const STRONG = 'blå cykel ved søndre port';
const FROM = 'fremdrift@norddjurs.test';

/**
 * "Glemt adgangskode?" through the built app with a real SMTP server: the mail, its link, the new password,
 * the same answer for an unknown or disabled e-mail, the limits, and the page without SMTP. Runs on PGlite
 * and, with DATABASE_URL, on PostgreSQL (createServerDatabase).
 */
describe('forgotten password with SMTP', () => {
	let mail: TestMailServer;
	let database: ServerDatabase;
	let server: ServerProcess;

	beforeAll(async () => {
		[mail, database] = await Promise.all([startMailServer(), createServerDatabase()]);
		server = await startServerOn(database, { SMTP_URL: mail.url, SMTP_FROM: FROM });
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
		await mail?.stop();
	});

	/** A native (no-JavaScript) form post; returns the status, the page and how long the answer took. */
	async function post(path: string, fields: Record<string, string>, cookie?: string) {
		const started = performance.now();
		const response = await fetch(`${server.url}${path}`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				...(cookie ? { cookie } : {}),
				origin: server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams(fields),
			signal: AbortSignal.timeout(15_000)
		});
		const html = await response.text();
		return { status: response.status, html, response, ms: performance.now() - started };
	}
	const ask = (email: string) => post('/glemt-adgangskode', { email });
	/** The page's main text with the e-mail it names taken out, to compare two answers. */
	const answerText = (html: string, email: string) =>
		/<main[\s\S]*?<\/main>/
			.exec(html)![0]
			.replaceAll(email, 'E-MAIL')
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ');
	const recipient = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text;
	const linkIn = (text: string) => {
		const found = new RegExp(`${server.url}/invitation/(\\d+\\.[a-z2-7]{52})`).exec(text);
		if (!found) throw new Error(`No link in the mail:\n${text}`);
		return found[1];
	};

	test('the login page links to it, and it asks for the e-mail', async () => {
		const login = await (await fetch(`${server.url}/login`)).text();
		expect(login).toMatch(/<a href="\/glemt-adgangskode"[^>]*>Glemt adgangskode\?<\/a>/);
		const page = await fetch(`${server.url}/glemt-adgangskode`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('<h1>Glemt adgangskode</h1>');
		expect(html).toMatch(/<form method="POST">[\s\S]*name="email"[\s\S]*Send link/);
	});

	test('a known e-mail: one mail with a link; the link sets a new password once, and it signs in', async () => {
		const email = 'projektleder@norddjurs.demo';
		const answer = await ask(email);
		expect(answer.status).toBe(200);
		expect(answer.html).toContain('har vi sendt en e-mail med et link til en ny adgangskode');
		expect(answer.ms).toBeGreaterThanOrEqual(RESET_ANSWER_MS);
		const [received] = await mail.waitForMails(1);
		expect(mail.mails).toHaveLength(1);
		expect(recipient(received)).toBe(email);
		expect(received.from?.text).toBe(FROM);
		expect(received.subject).toBe('Ny adgangskode til Fremdrift');
		expect(received.text).toContain('Hej Peter');
		const link = linkIn(received.text ?? '');

		// The old password works until the new one is chosen.
		await signInCookie(server.url, email, DEMO_PASSWORD);
		expect((await fetch(`${server.url}/invitation/${link}`)).status).toBe(200);
		const set = await post(`/invitation/${link}`, { password: STRONG, passwordRepeat: STRONG });
		expect([set.status, set.response.headers.get('location')]).toEqual([303, '/login?adgangskode-gemt']);
		expect(await signInCookie(server.url, email, STRONG)).toMatch(/^fremdrift_session=/);
		await expect(signInCookie(server.url, email, DEMO_PASSWORD)).rejects.toThrow(/failed: 400/);

		// Single use: the page and its form are gone, and the answer says where to get a new link.
		const used = await fetch(`${server.url}/invitation/${link}`);
		expect(used.status).toBe(404);
		expect(await used.text()).toContain('Bed om et nyt under »Glemt adgangskode?« på loginsiden');
		expect((await post(`/invitation/${link}`, { password: STRONG, passwordRepeat: STRONG })).status).toBe(404);
	});

	test('an unknown or disabled e-mail: the same answer after as long, and no mail', async () => {
		const admin = await signInCookie(server.url, 'admin@norddjurs.demo');
		const users = await (await fetch(`${server.url}/admin/brugere`, { headers: { cookie: admin } })).text();
		const politician = /data-user="politiker@norddjurs.demo"[^>]*>\s*<th[^>]*><a href="\/admin\/brugere\/(\d+)"/.exec(
			users
		)![1];
		expect((await post(`/admin/brugere/${politician}?/disable`, {}, admin)).status).toBe(200);
		const before = mail.mails.length;

		const known = await ask('direktor@norddjurs.demo');
		const unknown = await ask('ingen@norddjurs.demo');
		const disabled = await ask('politiker@norddjurs.demo');
		for (const [answer, email] of [
			[unknown, 'ingen@norddjurs.demo'],
			[disabled, 'politiker@norddjurs.demo']
		] as const) {
			expect(answer.status).toBe(200);
			expect(answer.ms).toBeGreaterThanOrEqual(RESET_ANSWER_MS);
			expect(answerText(answer.html, email)).toBe(answerText(known.html, 'direktor@norddjurs.demo'));
		}
		// The known one's mail arrives; none other comes, even a while after it.
		await mail.waitForMails(before + 1);
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		expect(mail.mails.slice(before).map(recipient)).toEqual(['direktor@norddjurs.demo']);
	});

	test('bad input: 400 with a Danish message at the field, never a 500, no mail', async () => {
		const before = mail.mails.length;
		for (const [fields, message] of [
			[{}, 'Skriv din e-mailadresse.'],
			[{ email: '' }, 'Skriv din e-mailadresse.'],
			[{ email: 'ikke en e-mail' }, 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.'],
			[{ email: `${'a'.repeat(300)}@norddjurs.demo` }, 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.']
		] as const) {
			const answer = await post('/glemt-adgangskode', fields);
			expect([answer.status, answer.html.includes(message)], JSON.stringify(fields)).toEqual([400, true]);
		}
		expect(mail.mails.length).toBe(before);
	});

	test(`limits: ${RESET_REQUEST_LIMITS.perEmail} requests per e-mail, ${RESET_REQUEST_LIMITS.perAddress} per client address; sign-in is not limited by them`, async () => {
		const email = 'graense@ukendt.demo';
		for (let i = 0; i < RESET_REQUEST_LIMITS.perEmail; i++) expect((await ask(email)).status).toBe(200);
		const refused = await ask(email);
		expect(refused.status).toBe(429);
		expect(refused.html).toContain('Der er bedt om for mange links på kort tid.');
		const retryAfter = Number(refused.response.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(0);
		expect(retryAfter).toBeLessThanOrEqual(15 * 60);

		// Every e-mail asked for from this address so far counts; new e-mails are admitted until the address's limit.
		const statuses: number[] = [];
		for (let i = 0; i < RESET_REQUEST_LIMITS.perAddress && statuses.at(-1) !== 429; i++)
			statuses.push((await ask(`adresse${i}@ukendt.demo`)).status);
		expect(statuses.at(-1)).toBe(429);
		expect(statuses.slice(0, -1).every((status) => status === 200)).toBe(true);
		expect((await ask('endnu-en@ukendt.demo')).status).toBe(429);

		// The limits of sign-in are separate: the same address and a limited e-mail still sign in.
		await signInCookie(server.url, 'direktor@norddjurs.demo');
	});

	test('without SMTP (the same database): the page says to ask an administrator, and the form is refused', async () => {
		const plain = await startServerOn(database, { SMTP_URL: '' });
		try {
			const page = await fetch(`${plain.url}/glemt-adgangskode`);
			const html = await page.text();
			expect(page.status).toBe(200);
			expect(html).toContain('Bed en administrator i din kommune om et link til en ny adgangskode');
			expect(html).not.toContain('<form');
			expect(html).toContain('<a href="/login">Tilbage til log ind</a>');
			const before = mail.mails.length;
			const refused = await fetch(`${plain.url}/glemt-adgangskode`, {
				method: 'POST',
				headers: { origin: plain.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ email: 'direktor@norddjurs.demo' })
			});
			expect(refused.status).toBe(400);
			expect(await refused.text()).toContain('Bed en administrator');
			await new Promise((resolve) => setTimeout(resolve, 500));
			expect(mail.mails.length).toBe(before);
		} finally {
			await plain.stop();
		}
	});

	test('with SMTP but without ORIGIN: no form either, since a link built from the Host header could point anywhere', async () => {
		// spawn leaves out a variable whose value is undefined: this server has no ORIGIN.
		const unset = undefined as unknown as string;
		const hostOnly = await startServerOn(database, { SMTP_URL: mail.url, ORIGIN: unset });
		try {
			const html = await (
				await fetch(`${hostOnly.url}/glemt-adgangskode`, { headers: { host: 'ond.example' } })
			).text();
			expect(html).toContain('Bed en administrator i din kommune om et link til en ny adgangskode');
			expect(html).not.toContain('<form');
		} finally {
			await hostOnly.stop();
		}
	});
});
