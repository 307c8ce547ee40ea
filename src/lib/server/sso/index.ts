// Sign-in through the organisation's own identity provider (issue 18): provider settings and role mapping, the password policy with its break-glass admin, sealed secrets, OIDC, and protocol-neutral just-in-time users (tables identity_provider, identity_provider_role, sign_in_policy, external_identity).
export { readSecretKey, generateSecretKey, sealSecret, openSecret, type SecretKeyState } from './secret-box';
export { ssoKey } from './key';
export {
	findIdentityProvider,
	listSignInOptions,
	findSignInPolicy,
	findSignInPolicies,
	passwordSignInAllowed,
	ssoOnlyLogin,
	saveIdentityProvider,
	type IdentityProvider,
	type SignInOption,
	type SignInPolicy,
	type SsoActor,
	type RoleMapping
} from './providers';
export {
	signInExternal,
	refuseSso,
	mappedRole,
	type ExternalSignIn,
	type SsoResult,
	type SsoRefusalReason
} from './jit';
export {
	startOidcSignIn,
	finishOidcSignIn,
	oidcLogoutUrl,
	oidcRedirectUri,
	postLogoutRedirectUri,
	type OidcFinish
} from './oidc';
export { ROLE_CLAIMS, type RoleClaim, type OidcSettings } from './oidc-settings';
export {
	oidcSettingsSchema,
	roleMappingSchema,
	removeRoleMappingSchema,
	samlSettingsSchema,
	signInPolicySchema
} from './form';
export {
	loadSsoAdmin,
	saveOidcSettings,
	mapRole,
	unmapRole,
	changeSignInPolicy,
	type SsoAdminView,
	type SettingsResult
} from './settings';
export {
	FLOW_COOKIE,
	setFlowCookie,
	deleteFlowCookie,
	setSignedInCookie,
	takeSignedInCookie,
	hasSignedInCookie,
	SAML_FLOW_COOKIE,
	deleteSamlFlowCookie
} from './cookies';
export { loginChoices, type LoginChoices } from './login-choices';
export {
	samlUrls,
	samlSpConfig,
	fetchIdpMetadata,
	samlKeysIfMissing,
	saveSamlSettings,
	MAX_METADATA_BYTES
} from './saml-settings';
export { startSamlSignIn, finishSamlSignIn } from './saml-sign-in';
export { spMetadataXml } from './saml-metadata';
export { ssoStartHandler, type SsoStart } from './start-route';
