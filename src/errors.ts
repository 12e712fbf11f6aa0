/** A problem with how the tool was called or with the system (exit 2), as opposed to plan problems. */
export class UsageError extends Error {}
