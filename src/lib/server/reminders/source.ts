import type { DigestSource } from './types';
import { listTasks } from '../tasks';

/**
 * The digest's content: exactly the user's "Mine opgaver" as of the round's date (src/lib/server/tasks), so the
 * mail and the start page never disagree. Politicians have no tasks and get no digest.
 */
export const digestSource: DigestSource = (db, user, asOf) => listTasks(db, user, asOf);
