import type { Db } from '../infra/db';
import type { Role } from '../../../../db/types';

/**
 * One thing a user must do now (the shape `listTasks` in src/lib/server/tasks/ returns): what kind, a stable
 * key of its subject, a Danish title and detail, the page to act on (a path), its due date and whether it is late.
 */
export type Task = {
	kind: string;
	subjectKey: string;
	title: string;
	detail: string;
	href: string;
	due: string | null;
	overdue: boolean;
};

/** Who a digest is for (the fields of a session's user). */
export interface DigestUser {
	id: number;
	organisationId: number;
	email: string;
	name: string;
	role: Role;
}

/** What a user's digest lists as of a date; source.ts names the one the app uses. */
export type DigestSource = (db: Db, user: DigestUser, asOf: string) => Promise<Task[]>;
