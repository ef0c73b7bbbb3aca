// Generated from openapi.yaml by openapi-typescript (npm run openapi). Do not edit.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stores reachable and read models caught up */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account (A and E) */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in and get an access token (A and E) */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a password reset code (OTP) when username and email belong to one account */
        post: operations["requestPasswordResetOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/new-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the mailed code; ends every session of the account */
        post: operations["setNewPasswordWithOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register; the account is unverified until the mailed code is confirmed (615, 607, 608) */
        post: operations["usersRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in by email; needs a verified email (609, 601, 602, 603)
         * @description On 609 the body carries the sessionId (also set as the HttpOnly cookie `sessionId`) and an access token (JWT) for Bearer use on every family's protected routes.
         */
        post: operations["usersLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/verify-sentcode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the email with the mailed code (605, 604, 603, 610) */
        post: operations["usersVerifySentCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/resend-verification-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a new verification code; the previous one is void (616, 602, 605 when already verified) */
        post: operations["usersResendVerificationCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a password reset link /users/reset-password/<token>, good for 60 minutes (612, 602) */
        post: operations["usersRequestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/reset-password/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the mailed link token; ends every session (614, 613) */
        post: operations["usersResetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/delete-user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete the account (email and password); ends every session, frees username and email (617, 603, 610) */
        delete: operations["usersDeleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** End the session named by the sessionId cookie, a Bearer access token or Authorization: Bearer <sessionId> (611 always) */
        get: operations["logout"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in by username and get an access token */
        post: operations["authAuthenticate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account (active at once)
         * @description The delivery address may be given as "delivery Address" (as documented) or deliveryAddress, not both.
         */
        post: operations["authCreateAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a password reset code; the same answer whether or not the email is known */
        post: operations["authForgotPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/forgot/otp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange the mailed code for a reset token (good for /auth/forgot/reset only, 10 minutes, once)
         * @description Give the email with the code; the code alone is accepted when exactly one account has it outstanding.
         */
        post: operations["authVerifyResetOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/forgot/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the reset token; ends every session of the account
         * @description The reset token goes in the header `authentication` (as documented) or `Authorization: Bearer`; the new password in `new_passoword` (as documented) or `new_password`.
         */
        post: operations["authResetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a user (active at once)
         * @description Error codes, checked in this order: INVALID_REQUEST, INVALID_PASSWORD, INVALID_AGE, GENDER_REQUIRED (400); USERNAME_EXISTS, EMAIL_EXISTS (409).
         */
        post: operations["apiRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate an access token (3600 s)
         * @description Error codes: MISSING_FIELDS, INVALID_REQUEST (400), INVALID_CREDENTIALS (401), EMAIL_NOT_VERIFIED (403, accounts registered through B before confirming their email).
         */
        post: operations["apiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List products by id, a page at a time (E; A's catalogue) */
        get: operations["listProducts"];
        put?: never;
        /** Create a product owned by the caller (E) */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one product (E; A's catalogue) */
        get: operations["getProduct"];
        /**
         * Replace name and description of one of the caller's products (E)
         * @description Concurrent updates without If-Match: each is applied in turn to the latest state (the last one wins, both are in the log). With If-Match, a product changed since that ETag is 412.
         */
        put: operations["updateProduct"];
        post?: never;
        /** Delete one of the caller's products (E) */
        delete: operations["deleteProduct"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's orders, newest first (A) */
        get: operations["listOrders"];
        put?: never;
        /**
         * Place an order for the caller (A)
         * @description Each product must exist now; the order keeps each product's name as it is now.
         */
        post: operations["placeOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the caller's orders (A); another user's order is 404 */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel one of the caller's placed orders (A) */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Store a new key-value pair for the caller (D) */
        post: operations["storeData"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/data/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one of the caller's keys (D) */
        get: operations["getData"];
        /** Replace the value of one of the caller's keys (D) */
        put: operations["updateData"];
        post?: never;
        /** Delete one of the caller's keys (D); its history stays in the log */
        delete: operations["deleteData"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** ErrorBody */
        ErrorBody: {
            error: string;
        };
        /** UsersApiBody */
        UsersApiBody: {
            statusCode: number;
            responseCode: number;
            error?: string;
        } & {
            [key: string]: unknown;
        };
        /** RegistrationApiError */
        RegistrationApiError: {
            /** @enum {string} */
            status: "error";
            code: string;
            message: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Readiness and what it rests on */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: "ready" | "not ready";
                        checks: {
                            /** @description "ok" or why not */
                            eventStore: string;
                            /** @description "ok" or why not */
                            readStore: string;
                            /** @description "ok", "catching up", or why not */
                            projections: string;
                            /** @description Age of the oldest event the read models have not applied */
                            lagSeconds: number;
                        };
                    };
                };
            };
            /** @description Readiness and what it rests on */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: "ready" | "not ready";
                        checks: {
                            /** @description "ok" or why not */
                            eventStore: string;
                            /** @description "ok" or why not */
                            readStore: string;
                            /** @description "ok", "catching up", or why not */
                            projections: string;
                            /** @description Age of the oldest event the read models have not applied */
                            lagSeconds: number;
                        };
                    };
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                    /** Format: email */
                    email?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        username: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    requestPasswordResetOtp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    setNewPasswordWithOtp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    /** @description The 6-digit code from the mail, as a JSON number */
                    otp: number;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    usersRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description responseCode 615, 607, 608 */
            200: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        statusCode: 200;
                        responseCode: 615 | 607 | 608;
                        username?: string;
                        email?: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
        };
    };
    usersLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description responseCode 609, 601, 602, 603 */
            200: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        statusCode: 200;
                        responseCode: 609 | 601 | 602 | 603;
                        username?: string;
                        email?: string;
                        sessionId?: string;
                        token?: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
        };
    };
    usersVerifySentCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    code: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description responseCode 605, 604, 603, 610 */
            200: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        statusCode: 200;
                        responseCode: 605 | 604 | 603 | 610;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
        };
    };
    usersResendVerificationCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            /** @description responseCode 616, 602, 605 */
            200: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        statusCode: 200;
                        responseCode: 616 | 602 | 605;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
        };
    };
    usersRequestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            /** @description responseCode 612, 602 */
            200: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        statusCode: 200;
                        responseCode: 612 | 602;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
        };
    };
    usersResetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description responseCode 614, 613 */
            200: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        statusCode: 200;
                        responseCode: 614 | 613;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
        };
    };
    usersDeleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description responseCode 617, 603, 610 */
            200: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        statusCode: 200;
                        responseCode: 617 | 603 | 610;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description responseCode 611 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        statusCode: 200;
                        /** @enum {number} */
                        responseCode: 611;
                    };
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiBody"];
                };
            };
        };
    };
    authAuthenticate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        token: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    authCreateAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    /** Format: email */
                    email: string;
                    password: string;
                    phoneNumber?: number | string;
                    "delivery Address"?: {
                        state?: string;
                        district?: string;
                        city?: string;
                        pincode?: string;
                        address_lane?: string;
                        landmark?: string;
                    } & {
                        [key: string]: string;
                    };
                    deliveryAddress?: {
                        state?: string;
                        district?: string;
                        city?: string;
                        pincode?: string;
                        address_lane?: string;
                        landmark?: string;
                    } & {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        user_id: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    authForgotPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    authVerifyResetOtp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email?: string;
                    otp: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        token: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    authResetPassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description The reset token from /auth/forgot/otp */
                authentication?: string;
                /** @description Bearer <reset token> */
                authorization?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    new_passoword?: string;
                    new_password?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    apiRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    /** Format: email */
                    email: string;
                    password: string;
                    full_name: string;
                    age?: number;
                    gender: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        message: string;
                        data: {
                            user_id: string;
                            username: string;
                            email: string;
                            full_name: string;
                            age?: number;
                            gender: string;
                        };
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
        };
    };
    apiToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        message: string;
                        data: {
                            access_token: string;
                            expires_in: number;
                        };
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /** @description Page number, from 1 */
                page?: number;
                /** @description Products per page, 1 to 100 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        products: {
                            id: number;
                            name: string;
                            description: string;
                            userId: number;
                            /** @description https://picsum.photos/200/200?random=<name, runs of non-alphanumerics as _> */
                            image: string;
                        }[];
                        pagination: {
                            currentPage: number;
                            totalPages: number;
                            totalProducts: number;
                            limit: number;
                            hasNext: boolean;
                            hasPrev: boolean;
                        };
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description: string;
                };
            };
        };
        responses: {
            /** @description The new product */
            201: {
                headers: {
                    /** @description The product's revision, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        description: string;
                        userId: number;
                        /** @description https://picsum.photos/200/200?random=<name, runs of non-alphanumerics as _> */
                        image: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Product id (a positive integer) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product */
            200: {
                headers: {
                    /** @description The product's revision, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        description: string;
                        userId: number;
                        /** @description https://picsum.photos/200/200?random=<name, runs of non-alphanumerics as _> */
                        image: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: {
                /** @description Apply only if the product still has this ETag (else 412); omit to apply to the latest */
                "if-match"?: string;
            };
            path: {
                /** @description Product id (a positive integer) */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description: string;
                };
            };
        };
        responses: {
            /** @description The updated product */
            200: {
                headers: {
                    /** @description The product's revision, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        description: string;
                        userId: number;
                        /** @description https://picsum.photos/200/200?random=<name, runs of non-alphanumerics as _> */
                        image: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Precondition failed: If-Match does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteProduct: {
        parameters: {
            query?: never;
            header?: {
                /** @description Apply only if the product still has this ETag (else 412); omit to apply to the latest */
                "if-match"?: string;
            };
            path: {
                /** @description Product id (a positive integer) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Precondition failed: If-Match does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest first */
                        orders: {
                            id: number;
                            userId: number;
                            status: "placed" | "cancelled";
                            items: {
                                productId: number;
                                /** @description The product's name when the order was placed */
                                name: string;
                                quantity: number;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    placeOrder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Each product at most once */
                    items: {
                        productId: number;
                        quantity: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        userId: number;
                        status: "placed" | "cancelled";
                        items: {
                            productId: number;
                            /** @description The product's name when the order was placed */
                            name: string;
                            quantity: number;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Order id (a positive integer) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        userId: number;
                        status: "placed" | "cancelled";
                        items: {
                            productId: number;
                            /** @description The product's name when the order was placed */
                            name: string;
                            quantity: number;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Order id (a positive integer) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        userId: number;
                        status: "placed" | "cancelled";
                        items: {
                            productId: number;
                            /** @description The product's name when the order was placed */
                            name: string;
                            quantity: number;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    storeData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 1 to 256 characters of A-Z a-z 0-9 _ . : - (case-sensitive; the caller's own namespace) */
                    key: string;
                    /** @description Any JSON value but null, at most 64 KiB serialised and 128 levels deep */
                    value: string | number | boolean | {
                        [key: string]: unknown;
                    } | unknown[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        message: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
        };
    };
    getData: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 1 to 256 characters of A-Z a-z 0-9 _ . : - (case-sensitive; the caller's own namespace) */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: {
                            key: string;
                            /** @description The stored JSON value */
                            value: unknown;
                        };
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
        };
    };
    updateData: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 1 to 256 characters of A-Z a-z 0-9 _ . : - (case-sensitive; the caller's own namespace) */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Any JSON value but null, at most 64 KiB serialised and 128 levels deep */
                    value: string | number | boolean | {
                        [key: string]: unknown;
                    } | unknown[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        message: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
        };
    };
    deleteData: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 1 to 256 characters of A-Z a-z 0-9 _ . : - (case-sensitive; the caller's own namespace) */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        message: string;
                    };
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError"];
                };
            };
        };
    };
}
