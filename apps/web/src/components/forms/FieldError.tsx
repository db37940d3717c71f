import type { FieldErrors } from './validation';

/** A field's message from the browser-side check, read with the field (see `invalidProps`). */
export function FieldError({ errors, field, id }: { errors: FieldErrors; field: string; id: string }) {
  if (!errors[field]) return null;
  return (
    <small id={id} className="error field-error">
      {errors[field]}
    </small>
  );
}
