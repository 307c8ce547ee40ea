// Who may come in: sign-in and its rate limit, forgotten passwords, sessions, invitation/reset links, API tokens, users and organisations, the route table and guards (tables app_user, session, login_attempt, user_token, api_token, organisation, organisation_logo).
// Loaded through Vite only (the password policy inlines a word list with `?raw`); plain-node scripts import the files they need.
export { routeAccess, audienceFor, admits, homeFor, type Audience } from './access';
export {
	createApiToken,
	issueApiToken,
	revokeApiToken,
	validateApiToken,
	revokeUserApiTokens,
	listApiTokens
} from './api-token';
export { revokeUserCredentials, setPasswordByLink, acceptUserLink, type RevokedCredentials } from './credentials';
export { requireUser, requireCan, canEditRecommendation, editableRecommendationIds } from './guards';
export {
	listOrganisations,
	findOrganisation,
	findOrganisationBySlug,
	createOrganisation,
	slugFor,
	loadOrganisationLogo,
	findOrganisationLogoStamp,
	saveOrganisationLogo,
	removeOrganisationLogo
} from './organisations';
export { checkLogoFile, LOGO_MAX_BYTES, type LogoFile, type LogoCheck } from './logo-file';
export { newPasswordSchema } from './password-form';
export { requestPasswordReset, resetLinkOrigin, RESET_ANSWER_MS, type ResetRequestResult } from './password-reset';
export { hashPassword, verifyPassword } from './password';
export { checkPassword, type PasswordContext, type PasswordRefusal } from './password-policy';
export {
	beginLoginAttempt,
	beginResetRequest,
	admitLoginAttempt,
	finishLoginAttempt,
	loginRetryAfter,
	LOGIN_WINDOW_MS,
	RESET_REQUEST_LIMITS
} from './rate-limit';
export { safeRedirectTarget, signInPathFor } from './redirect-target';
export {
	createSession,
	validateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	sessionCookieName,
	setSessionCookie,
	deleteSessionCookie,
	type Session,
	type SessionUser,
	type SessionPolicy
} from './session';
export { completeSetup } from './setup';
export { signIn, signOut, type SignInResult } from './sign-in';
export { createUserToken, findUserToken, voidUserTokens, USER_TOKEN_HOURS } from './user-token';
export {
	inviteUser,
	changeUserRole,
	setUserDisabled,
	endUserSessions,
	createResetLink,
	setUserAssignments,
	type AdminActor
} from './user-admin';
export {
	listUsers,
	findUser,
	findUserEmail,
	listEnabledUsers,
	findActiveUser,
	findUserForSignIn,
	anyUserExists,
	userIdsIn,
	listActiveUsersWithRole
} from './users';
