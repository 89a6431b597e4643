/** A conform field's errors, linked to the input by its `errorId` (aria-describedby). */
export function FieldError({ field }: { field: { errors?: string[]; errorId: string } }) {
  return field.errors?.length ? (
    <p className="field-error" id={field.errorId}>
      {field.errors.join(' ')}
    </p>
  ) : null
}
