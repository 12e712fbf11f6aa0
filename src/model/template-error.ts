/** A problem in a wording template: it names the template file and the line in it. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}
