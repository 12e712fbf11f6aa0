/** A problem with how the tool was called or with the system (exit 2), as opposed to plan problems. */
export class UsageError extends Error {}

/** A document import cannot read as it is (broken, a scan without --ocr, a .doc without LibreOffice), with what to do: that file's error (exit 1). */
export class CannotRead extends Error {}
