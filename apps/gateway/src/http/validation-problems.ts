// One flattening for the gateway's 400 and a service's own check of a command (checkCommand): it lives with the schemas.
export { flattenValidationErrors } from '#libs/contracts';
