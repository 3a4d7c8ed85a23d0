import type { FormInstance } from 'antd';
import { ProblemError, fieldName, toProblem } from '../api/problem';

/** The messages the server gave for one form field. */
export interface FieldMessages {
  name: string;
  errors: string[];
}

/** A failure split in two: the field errors a form can show next to its fields, and the problem left for an alert. */
export interface SplitProblem {
  onFields: FieldMessages[];
  /** What no field shows (null when the fields show everything). */
  rest: ProblemError | null;
}

/**
 * Splits a failed call's problem+json `errors[]` by the form fields they belong to (the last
 * segment of a Bean Validation path such as `create.body.principal`). Messages for one field
 * are kept together, in the server's order. The rest of the problem (errors on no known field,
 * or a problem without field errors at all) is kept for an alert.
 */
export function splitProblem(error: unknown, fields: Iterable<string>): SplitProblem {
  const known: ReadonlySet<string> = new Set(fields);
  const p = toProblem(error);
  const onFields = new Map<string, string[]>();
  const rest = [];
  for (const fe of p.errors) {
    const name = fieldName(fe.field);
    if (known.has(name)) onFields.set(name, [...(onFields.get(name) ?? []), fe.message]);
    else rest.push(fe);
  }
  return {
    onFields: [...onFields].map(([name, errors]) => ({ name, errors })),
    rest: onFields.size > 0 && rest.length === 0 ? null : new ProblemError({ ...p, errors: rest }),
  };
}

type FieldName<T> = Parameters<FormInstance<T>['setFields']>[0][number]['name'];

/**
 * Shows a failed submit on an antd form: each field error under its field, and returns what is
 * left for a <ProblemAlert> (null when nothing is).
 */
export function showProblemOnForm<T>(form: Pick<FormInstance<T>, 'setFields'>, error: unknown, fields: readonly (keyof T & string)[]): ProblemError | null {
  const { onFields, rest } = splitProblem(error, fields);
  form.setFields(onFields.map(({ name, errors }) => ({ name: name as FieldName<T>, errors })));
  return rest;
}
