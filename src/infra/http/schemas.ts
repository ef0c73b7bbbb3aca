// Schemas shared by every domain: the families' error envelopes. They are
// registered once (app.addSchema) so the OpenAPI document lists them under
// components and routes refer to them.
import { Type, type Static } from '@sinclair/typebox';

/** A, C and E: {"error": "message"} with the HTTP status. */
export const ErrorBody = Type.Object({ error: Type.String() }, { $id: 'ErrorBody', title: 'ErrorBody' });

/** B: HTTP 200 with a response code for documented outcomes; 400 (600), 429 and others for the rest. */
export const UsersApiBody = Type.Object(
  {
    statusCode: Type.Integer(),
    responseCode: Type.Integer(),
    error: Type.Optional(Type.String()),
  },
  { $id: 'UsersApiBody', title: 'UsersApiBody', additionalProperties: true },
);

/** D: {"status": "error", "code": "CODE", "message": "..."}. */
export const RegistrationApiError = Type.Object(
  {
    status: Type.Literal('error'),
    code: Type.String(),
    message: Type.String(),
  },
  { $id: 'RegistrationApiError', title: 'RegistrationApiError' },
);

export type ErrorBody = Static<typeof ErrorBody>;

export const sharedSchemas = [ErrorBody, UsersApiBody, RegistrationApiError];

/** A reference to a shared schema, for route response declarations. */
export const ref = (schema: { $id?: string }) => Type.Ref(schema.$id!);
