/** The same server and credentials as `url`, another database. */
export function withDatabase(url: string, database: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${database}`;
	return parsed.toString();
}

/** A database name that is safe to splice into SQL (we make them ourselves; this guards mistakes). */
export function checkedName(name: string): string {
	if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
	return name;
}
