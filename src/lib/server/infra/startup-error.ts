/**
 * A problem an operator must fix before the app can run (bad configuration, unreachable database).
 * Its message is a complete Danish sentence; it is printed without a stack trace.
 */
export class StartupError extends Error {
	override name = 'StartupError';
}
