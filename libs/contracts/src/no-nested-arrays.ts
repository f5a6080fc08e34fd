import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Goes with `@ValidateNested({ each: true })`: class-validator validates an array found inside such a list as a list
 * of its own, so `[[]]` passed as "no problems" and reached the service as a list holding an array (a 500 found by
 * the hostile-input test). An element that is itself an array is refused like any other non-object element.
 */
export function NoNestedArrays(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'noNestedArrays',
      validator: {
        validate: (value) => !Array.isArray(value) || value.every((v) => !Array.isArray(v)),
        defaultMessage: () => '$property must hold objects, not lists',
      },
    },
    validationOptions,
  );
}
