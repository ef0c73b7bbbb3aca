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

export const messages = {
  username: 'Username must be 3 to 64 characters: letters, digits, _ . -',
  password: 'Password must be 8 to 128 characters',
  email: 'Invalid email address',
};
