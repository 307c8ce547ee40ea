import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane). Algorithm 2 = argon2id.
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * Hashes a password with argon2id; the result embeds its own salt and parameters.
 * @example const stored = await hashPassword('en lang adgangskode');
 */
export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

/** True when `password` matches the stored argon2id hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	try {
		return await verify(stored, password);
	} catch {
		return false;
	}
}
