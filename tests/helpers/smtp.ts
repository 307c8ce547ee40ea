import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface TestMailServer {
	/** For the app's SMTP_URL: plain SMTP on 127.0.0.1, no TLS, no login. */
	url: string;
	/** Every mail received so far, parsed, oldest first. */
	mails: ParsedMail[];
	/** Resolves when at least `count` mails have arrived; rejects after `ms`. */
	waitForMails(count: number, ms?: number): Promise<ParsedMail[]>;
	stop(): Promise<void>;
}

/**
 * A real SMTP server (the `smtp-server` package) that keeps what it receives, parsed with `mailparser`.
 * @example const mail = await startMailServer(); const server = await startDemoServer({ env: { SMTP_URL: mail.url } });
 */
export async function startMailServer(): Promise<TestMailServer> {
	const mails: ParsedMail[] = [];
	const waiters = new Set<() => void>();
	const server = new SMTPServer({
		authOptional: true,
		// No STARTTLS: nodemailer would upgrade to it and then refuse the package's self-signed certificate.
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((mail) => {
					mails.push(mail);
					for (const wake of waiters) wake();
					callback();
				})
				.catch(callback);
		}
	});
	const port = await new Promise<number>((resolve, reject) => {
		server.once('error', reject);
		const listener = server.listen(0, '127.0.0.1', () => resolve((listener.address() as { port: number }).port));
	});
	return {
		url: `smtp://127.0.0.1:${port}`,
		mails,
		waitForMails(count, ms = 60_000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (mails.length < count) return;
					waiters.delete(check);
					clearTimeout(timer);
					resolve(mails);
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(new Error(`${mails.length} of ${count} mails arrived within ${ms} ms`));
				}, ms);
				waiters.add(check);
				check();
			});
		},
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
