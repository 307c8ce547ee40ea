import { createPrivateKey, generateKeyPair, randomBytes, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

/** The SP's own key pair: an RSA 3072 private key (PKCS#8 PEM) and a self-signed certificate for it (PEM). */
export interface SpKeyPair {
	privateKeyPem: string;
	certificatePem: string;
}

const generateRsa = promisify(generateKeyPair);

/**
 * A new key pair for a SAML SP: node:crypto makes the RSA 3072 key, node-forge wraps its public half in a
 * self-signed X.509 certificate (SHA-256) that the IdP administrator imports with the SP metadata. One pair
 * serves both signing and decryption, as an OCES3 system certificate does.
 * @example const { privateKeyPem, certificatePem } = await generateSpKeyPair('Fremdrift Norddjurs');
 */
export async function generateSpKeyPair(commonName = 'Fremdrift SAML SP', validYears = 3): Promise<SpKeyPair> {
	const { privateKey, publicKey } = await generateRsa('rsa', {
		modulusLength: 3072,
		publicKeyEncoding: { type: 'spki', format: 'pem' },
		privateKeyEncoding: { type: 'pkcs8', format: 'pem' }
	});
	const certificate = forge.pki.createCertificate();
	certificate.publicKey = forge.pki.publicKeyFromPem(publicKey);
	const serial = randomBytes(16);
	serial[0] &= 0x7f; // a positive DER integer
	certificate.serialNumber = serial.toString('hex');
	const now = new Date();
	certificate.validity.notBefore = new Date(now.getTime() - 60_000);
	certificate.validity.notAfter = new Date(now.getTime());
	certificate.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + validYears);
	const name = [
		{ name: 'commonName', value: commonName },
		{ name: 'organizationName', value: 'Fremdrift' }
	];
	certificate.setSubject(name);
	certificate.setIssuer(name);
	certificate.setExtensions([
		{ name: 'basicConstraints', cA: false, critical: true },
		{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true, dataEncipherment: true, critical: true },
		{ name: 'subjectKeyIdentifier' }
	]);
	certificate.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
	const certificatePem = forge.pki.certificateToPem(certificate);
	// Read back by Node's own X.509 parser, so a certificate Node cannot use never leaves here.
	if (!new X509Certificate(certificatePem).checkPrivateKey(createPrivateKey(privateKey)))
		throw new Error('generated certificate does not match its key');
	return { privateKeyPem: privateKey, certificatePem };
}
