// Account field rules shared by every family (API-CONTRACT.md, "Users").
import { Type } from '@sinclair/typebox';

export const USERNAME_PATTERN = '^[A-Za-z0-9_.-]+$';

export const Username = Type.String({ minLength: 3, maxLength: 64, pattern: USERNAME_PATTERN });
export const Password = Type.String({ minLength: 8, maxLength: 128 });
export const Email = Type.String({ format: 'email', maxLength: 254 });

/** Sign-in fields are checked against the account, not the registration rules; only bounded. */
export const LoginField = Type.String({ minLength: 1, maxLength: 1024 });

/** A username or email that names an account in a request: as LoginField, and blank counts as missing. */
export const AccountName = Type.String({ minLength: 1, maxLength: 1024, pattern: '\\S' });

/**
 * C's delivery address: text fields, the documented ones (state, district,
 * city, pincode, address_lane, landmark) and any others. One named schema for
 * both spellings of the body key, declared as a map of text only: with named
 * properties beside it, generators emit the type twice (orval) or optional
 * fields that do not fit the index type.
 */
export const DeliveryAddress = Type.Object(
  {},
  {
    title: 'DeliveryAddress',
    additionalProperties: Type.String({ maxLength: 256 }),
    maxProperties: 20,
    description: 'Text fields (at most 20, each at most 256 characters): state, district, city, pincode, address_lane, landmark, or others',
  },
);

export const messages = {
  username: 'Username must be 3 to 64 characters: letters, digits, _ . -',
  password: 'Password must be 8 to 128 characters',
  email: 'Invalid email address',
};
