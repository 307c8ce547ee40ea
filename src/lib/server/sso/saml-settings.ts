import { z } from 'zod';
import type { Db } from '../infra/db';
import { t } from '../messages';
import {
	findIdentityProvider,
	saveIdentityProvider,
	secretContext,
	type IdentityProvider,
	type SsoActor
} from './providers';
import { openSecret, sealSecret } from './secret-box';
import { ssoKey } from './key';
import { generateSpKeyPair } from './saml-keys';
import { parseIdpMetadata, type SamlSpConfig } from './saml-metadata';
import { isLoopbackHttp } from './oidc-settings';
import type { SettingsResult } from './settings';
import type { SsoRefusalReason } from './jit';

/** A SAML provider's non-secret settings as stored in identity_provider.settings (the SP key is the sealed secret). */
export interface SamlSettings {
	/** The IdP's metadata as last saved ('' until the IdP administrator has sent it). */
	idpMetadataXml: string;
	/** Where the metadata was fetched from, when it came from a URL. */
	idpMetadataUrl: string | null;
	/** The SP's self-signed certificate (PEM), made with the key on the first save. */
	spCertificatePem: string;
}

const storedSchema = z.object({
	idpMetadataXml: z.string(),
	idpMetadataUrl: z.string().nullable(),
	spCertificatePem: z.string().min(1)
});

/** The stored SAML settings, or null when incomplete. */
export function readSamlSettings(settings: Record<string, unknown>): SamlSettings | null {
	const parsed = storedSchema.safeParse(settings);
	return parsed.success ? parsed.data : null;
}

/**
 * The SP's addresses for an organisation: the entity ID is the metadata URL (so it resolves to the metadata).
 * @example samlUrls('https://fremdrift.kommune.dk', 'norddjurs').acsUrl // …/sso/saml/norddjurs/acs
 */
export function samlUrls(origin: string, organisationSlug: string) {
	const base = `${origin}/sso/saml/${organisationSlug}`;
	return { entityId: `${base}/metadata`, metadataUrl: `${base}/metadata`, acsUrl: `${base}/acs` };
}

/** A SAML provider with its opened SP key: the config the protocol layer takes, or why there is none. */
export type SamlReady =
	{ ok: true; provider: IdentityProvider; config: SamlSpConfig } | { ok: false; reason: SsoRefusalReason };

/**
 * The organisation's SAML SP config (enabled or not: the metadata is served before the IdP is set up).
 * @example const ready = await samlSpConfig(db, organisation, url.origin, { enabledOnly: true });
 */
export async function samlSpConfig(
	db: Db,
	organisation: { id: number; slug: string },
	origin: string,
	{ enabledOnly }: { enabledOnly: boolean }
): Promise<SamlReady> {
	const provider = await findIdentityProvider(db, organisation.id, 'saml');
	const settings = provider ? readSamlSettings(provider.settings) : null;
	if (!provider || !settings || !provider.sealedSecret || (enabledOnly && !provider.enabled))
		return { ok: false, reason: 'not_configured' };
	const key = ssoKey();
	if (!key.ok) return { ok: false, reason: 'secret_key' };
	const privateKey = openSecret(key.key, provider.sealedSecret, secretContext(organisation.id, 'saml'));
	if (privateKey === null) return { ok: false, reason: 'secret_key' };
	const urls = samlUrls(origin, organisation.slug);
	return {
		ok: true,
		provider,
		config: {
			entityId: urls.entityId,
			acsUrl: urls.acsUrl,
			spSigningKey: privateKey,
			spCert: settings.spCertificatePem,
			spDecryptionKey: privateKey,
			idpMetadataXml: settings.idpMetadataXml
		}
	};
}

/** The largest IdP metadata fetched or uploaded (KOMBIT's is a few kB; a federation's can be large). */
export const MAX_METADATA_BYTES = 2_000_000;
const FETCH_TIMEOUT_MS = 10_000;

/**
 * Fetches IdP metadata from a URL (https, or http to this machine), with a timeout and a size cap; the text or
 * a Danish message. No redirects are followed, so the address typed is the one asked.
 * @example const got = await fetchIdpMetadata('https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/saml2/metadata.idp');
 */
export async function fetchIdpMetadata(
	address: string
): Promise<{ ok: true; xml: string } | { ok: false; message: string }> {
	const url = URL.canParse(address) ? new URL(address) : null;
	if (!url || !(url.protocol === 'https:' || isLoopbackHttp(url)) || url.username)
		return { ok: false, message: t('saml.metadata_url_invalid') };
	try {
		const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
		if (!response.ok || !response.body) return { ok: false, message: t('saml.metadata_fetch_failed') };
		const chunks: Uint8Array[] = [];
		let size = 0;
		for await (const chunk of response.body) {
			size += chunk.byteLength;
			if (size > MAX_METADATA_BYTES) return { ok: false, message: t('saml.metadata_too_large') };
			chunks.push(chunk);
		}
		return { ok: true, xml: Buffer.concat(chunks).toString('utf8') };
	} catch {
		return { ok: false, message: t('saml.metadata_fetch_failed') };
	}
}

/** The SAML form after the metadata has been read (from the textarea, the file or the URL). */
export interface SamlSettingsInput {
	displayName: string;
	/** undefined keeps the stored metadata. */
	idpMetadataXml: string | undefined;
	idpMetadataUrl: string | null;
	enabled: boolean;
}

/**
 * Prepares the SP key pair when none is stored (RSA 3072 takes a moment: outside the transaction).
 * @example const keys = await samlKeysIfMissing(db, organisationId);
 */
export async function samlKeysIfMissing(db: Db, organisationId: number, commonName: string) {
	const existing = await findIdentityProvider(db, organisationId, 'saml');
	return existing?.sealedSecret ? undefined : generateSpKeyPair(commonName);
}

/**
 * Saves the SAML settings. The first save stores the SP key pair (the private key sealed with
 * FREMDRIFT_SECRET_KEY); metadata is checked before it is stored, and enabling needs it.
 * @example await inTransaction(db, (trx) => saveSamlSettings(trx, actor, input, keys));
 */
export async function saveSamlSettings(
	trx: Db,
	actor: SsoActor,
	input: SamlSettingsInput,
	newKeys: { privateKeyPem: string; certificatePem: string } | undefined
): Promise<SettingsResult> {
	const key = ssoKey();
	if (!key.ok) return { ok: false, errors: { form: t('sso.secret_key_missing') } };
	const existing = await findIdentityProvider(trx, actor.organisationId, 'saml');
	const stored = existing ? readSamlSettings(existing.settings) : null;
	const metadataXml = input.idpMetadataXml ?? stored?.idpMetadataXml ?? '';
	if (input.idpMetadataXml !== undefined) {
		const parsed = parseIdpMetadata(input.idpMetadataXml);
		if (!parsed.ok) return { ok: false, errors: { idpMetadataXml: parsed.message } };
	}
	if (input.enabled && metadataXml === '')
		return { ok: false, errors: { idpMetadataXml: t('saml.metadata_required') } };
	const keys = existing?.sealedSecret && stored ? undefined : newKeys;
	if (!keys && !(existing?.sealedSecret && stored)) return { ok: false, errors: { form: t('saml.keys_missing') } };
	await saveIdentityProvider(
		trx,
		actor,
		'saml',
		{
			enabled: input.enabled,
			displayName: input.displayName,
			settings: {
				idpMetadataXml: metadataXml,
				idpMetadataUrl: input.idpMetadataXml === undefined ? (stored?.idpMetadataUrl ?? null) : input.idpMetadataUrl,
				spCertificatePem: keys?.certificatePem ?? stored!.spCertificatePem
			}
		},
		keys ? sealSecret(key.key, keys.privateKeyPem, secretContext(actor.organisationId, 'saml')) : undefined
	);
	return { ok: true };
}
