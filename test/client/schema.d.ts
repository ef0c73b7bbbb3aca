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
    "/admin/audit/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** History (or state at a moment) of every account that held this username, email or id */
        get: operations["adminAuditAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/audit/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product's history, or its state at a moment */
        get: operations["adminAuditProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/audit/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order's history, or its state at a moment */
        get: operations["adminAuditOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/audit/data/{account}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A D data key's history, or its state at a moment (account: username, email or id) */
        get: operations["adminAuditData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** ApiRegisterBody */
        ApiRegisterBody: {
            username: string;
            /** Format: email */
            email: string;
            password: string;
            full_name: string;
            age?: number;
            gender: string;
        };
        /** ApiRegisterError400 */
        ApiRegisterError400: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "INVALID_REQUEST" | "INVALID_PASSWORD" | "INVALID_AGE" | "GENDER_REQUIRED";
            message: string;
        };
        /** ApiRegisterError409 */
        ApiRegisterError409: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "USERNAME_EXISTS" | "EMAIL_EXISTS";
            message: string;
        };
        /** ApiRegisterResponse */
        ApiRegisterResponse: {
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
        /** ApiTokenBody */
        ApiTokenBody: {
            username: string;
            password: string;
        };
        /** ApiTokenError400 */
        ApiTokenError400: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "INVALID_REQUEST" | "MISSING_FIELDS";
            message: string;
        };
        /** ApiTokenError401 */
        ApiTokenError401: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "INVALID_CREDENTIALS";
            message: string;
        };
        /** ApiTokenError403 */
        ApiTokenError403: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "EMAIL_NOT_VERIFIED";
            message: string;
        };
        /** ApiTokenResponse */
        ApiTokenResponse: {
            /** @enum {string} */
            status: "success";
            message: string;
            data: {
                access_token: string;
                expires_in: number;
            };
        };
        /**
         * AuditAnswer
         * @description The history (events, nextCursor), or with `at` the states
         */
        AuditAnswer: {
            events?: components["schemas"]["AuditEvent"][];
            /** @description Pass as cursor for the next page; null on the last */
            nextCursor?: string | null;
            at?: string;
            states?: components["schemas"]["AuditState"][];
        };
        /** AuditEvent */
        AuditEvent: {
            /** @description Log position, commit/prepare */
            position: string;
            stream: string;
            revision: number;
            /** Format: date-time */
            time: string;
            type: string;
            /** @description The event in words */
            summary: string;
            /** @description The payload less secrets and erased personal fields */
            data: {
                [key: string]: unknown;
            };
            /** @description requestId, actor, family, route */
            metadata: {
                [key: string]: unknown;
            };
        };
        /** AuditState */
        AuditState: {
            entity: string;
            stream: string;
            /** @description Events folded */
            events: number;
            /** @description Position of the last event folded */
            position: string | null;
            /** @description 'did not exist yet', 'active', 'deleted', 'placed', 'cancelled', 'stored' */
            status: string;
            state: {
                [key: string]: unknown;
            } | null;
        };
        /** AuthAuthenticateBody */
        AuthAuthenticateBody: {
            username: string;
            password: string;
        };
        /** AuthAuthenticateResponse */
        AuthAuthenticateResponse: {
            message: string;
            token: string;
        };
        /** AuthCreateAccountBody */
        AuthCreateAccountBody: {
            username: string;
            /** Format: email */
            email: string;
            password: string;
            phoneNumber?: number | string;
            "delivery Address"?: components["schemas"]["DeliveryAddress"];
            deliveryAddress?: components["schemas"]["DeliveryAddress"];
        };
        /** AuthCreateAccountResponse */
        AuthCreateAccountResponse: {
            message: string;
            user_id: string;
        };
        /** AuthForgotPasswordBody */
        AuthForgotPasswordBody: {
            /** Format: email */
            email: string;
        };
        /** AuthForgotPasswordResponse */
        AuthForgotPasswordResponse: {
            message: string;
        };
        /** AuthResetPasswordBody */
        AuthResetPasswordBody: {
            new_passoword?: string;
            new_password?: string;
        };
        /** AuthResetPasswordResponse */
        AuthResetPasswordResponse: {
            message: string;
        };
        /** AuthVerifyResetOtpBody */
        AuthVerifyResetOtpBody: {
            /** Format: email */
            email?: string;
            otp: string;
        };
        /** AuthVerifyResetOtpResponse */
        AuthVerifyResetOtpResponse: {
            message: string;
            token: string;
        };
        /** DataDone */
        DataDone: {
            /** @enum {string} */
            status: "success";
            message: string;
        };
        /** DataItem */
        DataItem: {
            key: string;
            /** @description The stored JSON value */
            value: unknown;
        };
        /** DataItemInput */
        DataItemInput: {
            /** @description 1 to 256 characters of A-Z a-z 0-9 _ . : - (case-sensitive; the caller's own namespace) */
            key: string;
            value: components["schemas"]["DataValue"];
        };
        /** DataItemResponse */
        DataItemResponse: {
            /** @enum {string} */
            status: "success";
            data: components["schemas"]["DataItem"];
        };
        /**
         * DataValue
         * @description Any JSON value but null, at most 64 KiB serialised and 128 levels deep
         */
        DataValue: string | number | boolean | {
            [key: string]: unknown;
        } | unknown[];
        /** DataValueInput */
        DataValueInput: {
            value: components["schemas"]["DataValue"];
        };
        /** DeleteDataError400 */
        DeleteDataError400: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "INVALID_REQUEST" | "INVALID_KEY";
            message: string;
        };
        /** DeleteDataError404 */
        DeleteDataError404: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "KEY_NOT_FOUND" | "NOT_FOUND";
            message: string;
        };
        /** DeleteProductResponse */
        DeleteProductResponse: {
            message: string;
        };
        /**
         * DeliveryAddress
         * @description Text fields (at most 20, each at most 256 characters): state, district, city, pincode, address_lane, landmark, or others
         */
        DeliveryAddress: {
            [key: string]: string;
        };
        /** ErrorBody */
        ErrorBody: {
            error: string;
        };
        /** GetDataError400 */
        GetDataError400: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "INVALID_REQUEST" | "INVALID_KEY";
            message: string;
        };
        /** GetDataError404 */
        GetDataError404: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "KEY_NOT_FOUND" | "NOT_FOUND";
            message: string;
        };
        /**
         * HealthResponse
         * @description The process is up
         */
        HealthResponse: {
            /** @enum {string} */
            status: "ok";
        };
        /** LoginBody */
        LoginBody: {
            username: string;
            password: string;
        };
        /** LoginResponse */
        LoginResponse: {
            access_token: string;
        };
        /**
         * LogoutResponse
         * @description responseCode 611
         */
        LogoutResponse: {
            /** @enum {number} */
            statusCode: 200;
            /** @enum {number} */
            responseCode: 611;
        };
        /** Order */
        Order: {
            id: number;
            userId: number;
            /** @enum {string} */
            status: "placed" | "cancelled";
            items: components["schemas"]["OrderItem"][];
            /** Format: date-time */
            createdAt: string;
        };
        /** OrderInput */
        OrderInput: {
            /** @description Each product at most once */
            items: components["schemas"]["OrderItemInput"][];
        };
        /** OrderItem */
        OrderItem: {
            productId: number;
            /** @description The product's name when the order was placed */
            name: string;
            quantity: number;
        };
        /** OrderItemInput */
        OrderItemInput: {
            productId: number;
            quantity: number;
        };
        /** OrderList */
        OrderList: {
            /** @description Newest first */
            orders: components["schemas"]["Order"][];
        };
        /** Pagination */
        Pagination: {
            currentPage: number;
            totalPages: number;
            totalProducts: number;
            limit: number;
            hasNext: boolean;
            hasPrev: boolean;
        };
        /** Product */
        Product: {
            id: number;
            name: string;
            description: string;
            userId: number;
            /** @description https://picsum.photos/200/200?random=<name, runs of non-alphanumerics as _> */
            image: string;
        };
        /** ProductInput */
        ProductInput: {
            name: string;
            description: string;
        };
        /** ProductPage */
        ProductPage: {
            products: components["schemas"]["Product"][];
            pagination: components["schemas"]["Pagination"];
        };
        /**
         * ReadyError503
         * @description Readiness and what it rests on
         */
        ReadyError503: {
            /** @enum {string} */
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
        /**
         * ReadyResponse
         * @description Readiness and what it rests on
         */
        ReadyResponse: {
            /** @enum {string} */
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
        /** RegisterBody */
        RegisterBody: {
            username: string;
            password: string;
            /** Format: email */
            email?: string;
        };
        /** RegisterResponse */
        RegisterResponse: {
            id: number;
            username: string;
        };
        /** RegistrationApiError */
        RegistrationApiError: {
            /** @enum {string} */
            status: "error";
            code: string;
            message: string;
        };
        /** RegistrationApiError401 */
        RegistrationApiError401: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "INVALID_TOKEN";
            message: string;
        };
        /** RegistrationApiError413 */
        RegistrationApiError413: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "PAYLOAD_TOO_LARGE";
            message: string;
        };
        /** RegistrationApiError414 */
        RegistrationApiError414: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "URI_TOO_LONG";
            message: string;
        };
        /** RegistrationApiError415 */
        RegistrationApiError415: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "UNSUPPORTED_MEDIA_TYPE";
            message: string;
        };
        /** RegistrationApiError429 */
        RegistrationApiError429: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "TOO_MANY_REQUESTS";
            message: string;
        };
        /** RegistrationApiError503 */
        RegistrationApiError503: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "SERVICE_UNAVAILABLE";
            message: string;
        };
        /** RequestPasswordResetOtpBody */
        RequestPasswordResetOtpBody: {
            username: string;
            /** Format: email */
            email: string;
        };
        /** RequestPasswordResetOtpResponse */
        RequestPasswordResetOtpResponse: {
            message: string;
        };
        /** SetNewPasswordWithOtpBody */
        SetNewPasswordWithOtpBody: {
            username: string;
            /** @description The 6-digit code from the mail, as a JSON number */
            otp: number;
            password: string;
        };
        /** SetNewPasswordWithOtpResponse */
        SetNewPasswordWithOtpResponse: {
            message: string;
        };
        /** StoreDataError400 */
        StoreDataError400: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "INVALID_REQUEST" | "INVALID_KEY" | "INVALID_VALUE";
            message: string;
        };
        /** StoreDataError409 */
        StoreDataError409: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "KEY_EXISTS";
            message: string;
        };
        /** UpdateDataError400 */
        UpdateDataError400: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "INVALID_REQUEST" | "INVALID_KEY" | "INVALID_VALUE";
            message: string;
        };
        /** UpdateDataError404 */
        UpdateDataError404: {
            /** @enum {string} */
            status: "error";
            /** @enum {string} */
            code: "KEY_NOT_FOUND" | "NOT_FOUND";
            message: string;
        };
        /** UsersApiBody */
        UsersApiBody: {
            statusCode: number;
            responseCode: number;
            error?: string;
        } & {
            [key: string]: unknown;
        };
        /** UsersApiError400 */
        UsersApiError400: {
            /** @enum {integer} */
            statusCode: 400;
            /** @enum {integer} */
            responseCode: 600;
            error: string;
        };
        /** UsersApiError413 */
        UsersApiError413: {
            /** @enum {integer} */
            statusCode: 413;
            /** @enum {integer} */
            responseCode: 413;
            error: string;
        };
        /** UsersApiError414 */
        UsersApiError414: {
            /** @enum {integer} */
            statusCode: 414;
            /** @enum {integer} */
            responseCode: 414;
            error: string;
        };
        /** UsersApiError415 */
        UsersApiError415: {
            /** @enum {integer} */
            statusCode: 415;
            /** @enum {integer} */
            responseCode: 415;
            error: string;
        };
        /** UsersApiError429 */
        UsersApiError429: {
            /** @enum {integer} */
            statusCode: 429;
            /** @enum {integer} */
            responseCode: 429;
            error: string;
        };
        /** UsersApiError503 */
        UsersApiError503: {
            /** @enum {integer} */
            statusCode: 503;
            /** @enum {integer} */
            responseCode: 503;
            error: string;
        };
        /** UsersDeleteUserBody */
        UsersDeleteUserBody: {
            email: string;
            password: string;
        };
        /**
         * UsersDeleteUserResponse
         * @description responseCode 617, 603, 610
         */
        UsersDeleteUserResponse: {
            /** @enum {number} */
            statusCode: 200;
            /** @enum {integer} */
            responseCode: 617 | 603 | 610;
        };
        /** UsersLoginBody */
        UsersLoginBody: {
            email: string;
            password: string;
        };
        /**
         * UsersLoginResponse
         * @description responseCode 609, 601, 602, 603
         */
        UsersLoginResponse: {
            /** @enum {number} */
            statusCode: 200;
            /** @enum {integer} */
            responseCode: 609 | 601 | 602 | 603;
            username?: string;
            email?: string;
            sessionId?: string;
            token?: string;
        };
        /** UsersRegisterBody */
        UsersRegisterBody: {
            username: string;
            /** Format: email */
            email: string;
            password: string;
        };
        /**
         * UsersRegisterResponse
         * @description responseCode 615, 607, 608
         */
        UsersRegisterResponse: {
            /** @enum {number} */
            statusCode: 200;
            /** @enum {integer} */
            responseCode: 615 | 607 | 608;
            username?: string;
            email?: string;
        };
        /** UsersRequestPasswordResetBody */
        UsersRequestPasswordResetBody: {
            email: string;
        };
        /**
         * UsersRequestPasswordResetResponse
         * @description responseCode 612, 602
         */
        UsersRequestPasswordResetResponse: {
            /** @enum {number} */
            statusCode: 200;
            /** @enum {integer} */
            responseCode: 612 | 602;
        };
        /** UsersResendVerificationCodeBody */
        UsersResendVerificationCodeBody: {
            email: string;
        };
        /**
         * UsersResendVerificationCodeResponse
         * @description responseCode 616, 602, 605
         */
        UsersResendVerificationCodeResponse: {
            /** @enum {number} */
            statusCode: 200;
            /** @enum {integer} */
            responseCode: 616 | 602 | 605;
        };
        /** UsersResetPasswordBody */
        UsersResetPasswordBody: {
            password: string;
        };
        /**
         * UsersResetPasswordResponse
         * @description responseCode 614, 613
         */
        UsersResetPasswordResponse: {
            /** @enum {number} */
            statusCode: 200;
            /** @enum {integer} */
            responseCode: 614 | 613;
        };
        /** UsersVerifySentCodeBody */
        UsersVerifySentCodeBody: {
            email: string;
            code: string;
            password: string;
        };
        /**
         * UsersVerifySentCodeResponse
         * @description responseCode 605, 604, 603, 610
         */
        UsersVerifySentCodeResponse: {
            /** @enum {number} */
            statusCode: 200;
            /** @enum {integer} */
            responseCode: 605 | 604 | 603 | 610;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The request's id in the service's logs: the client's own X-Request-Id when it is 1 to 64 characters of A-Z a-z 0-9 . _ -, else a new UUID */
        RequestId: string;
    };
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadyResponse"];
                };
            };
            /** @description Readiness and what it rests on */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadyError503"];
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
                "application/json": components["schemas"]["RegisterBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                "application/json": components["schemas"]["LoginBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                "application/json": components["schemas"]["RequestPasswordResetOtpBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestPasswordResetOtpResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                "application/json": components["schemas"]["SetNewPasswordWithOtpBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SetNewPasswordWithOtpResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                "application/json": components["schemas"]["UsersRegisterBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersRegisterResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError400"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError413"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError415"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError429"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError503"];
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
                "application/json": components["schemas"]["UsersLoginBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersLoginResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError400"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError413"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError415"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError429"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError503"];
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
                "application/json": components["schemas"]["UsersVerifySentCodeBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersVerifySentCodeResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError400"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError413"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError415"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError429"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError503"];
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
                "application/json": components["schemas"]["UsersResendVerificationCodeBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersResendVerificationCodeResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError400"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError413"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError415"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError429"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError503"];
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
                "application/json": components["schemas"]["UsersRequestPasswordResetBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersRequestPasswordResetResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError400"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError413"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError415"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError429"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError503"];
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
                "application/json": components["schemas"]["UsersResetPasswordBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersResetPasswordResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError400"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError413"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError414"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError415"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError429"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError503"];
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
                "application/json": components["schemas"]["UsersDeleteUserBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersDeleteUserResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError400"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError413"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError415"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError429"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError503"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogoutResponse"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersApiError503"];
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
                "application/json": components["schemas"]["AuthAuthenticateBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthAuthenticateResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                "application/json": components["schemas"]["AuthCreateAccountBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthCreateAccountResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                "application/json": components["schemas"]["AuthForgotPasswordBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthForgotPasswordResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                "application/json": components["schemas"]["AuthVerifyResetOtpBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthVerifyResetOtpResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                "application/json": components["schemas"]["AuthResetPasswordBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResetPasswordResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                "application/json": components["schemas"]["ApiRegisterBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiRegisterResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiRegisterError400"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiRegisterError409"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError413"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError415"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError429"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError503"];
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
                "application/json": components["schemas"]["ApiTokenBody"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenError400"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenError401"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds */
                    "RateLimit-Policy"?: string;
                    /** @description Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent) */
                    RateLimit?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenError403"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError413"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError415"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError429"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError503"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPage"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                "application/json": components["schemas"]["ProductInput"];
            };
        };
        responses: {
            /** @description The new product */
            201: {
                headers: {
                    /** @description The product's revision, for If-Match */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                "application/json": components["schemas"]["ProductInput"];
            };
        };
        responses: {
            /** @description The updated product */
            200: {
                headers: {
                    /** @description The product's revision, for If-Match */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Precondition failed: If-Match does not match the current revision */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteProductResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Precondition failed: If-Match does not match the current revision */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderList"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                "application/json": components["schemas"]["OrderInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
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
                "application/json": components["schemas"]["DataItemInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataDone"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoreDataError400"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError401"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoreDataError409"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError413"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError415"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError503"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataItemResponse"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetDataError400"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError401"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetDataError404"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError414"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError503"];
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
                "application/json": components["schemas"]["DataValueInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataDone"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateDataError400"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError401"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateDataError404"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError413"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError414"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError415"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError503"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataDone"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteDataError400"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError401"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteDataError404"];
                };
            };
            /** @description Request body too large (96 KiB at most) */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError413"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError414"];
                };
            };
            /** @description Content-Type must be application/json, in UTF-8 if a charset is declared */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError415"];
                };
            };
            /** @description A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationApiError503"];
                };
            };
        };
    };
    adminAuditAccount: {
        parameters: {
            query?: {
                /** @description The state at this moment instead of the history: an ISO time, a log position C/P, or a commit number */
                at?: string;
                /** @description Only events at or after this ISO time */
                since?: string;
                /** @description Only events at or before this ISO time */
                until?: string;
                /** @description Only events of these types (comma-separated) */
                type?: string;
                /** @description Events per page */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history (events, nextCursor), or with `at` the states */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditAnswer"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    adminAuditProduct: {
        parameters: {
            query?: {
                /** @description The state at this moment instead of the history: an ISO time, a log position C/P, or a commit number */
                at?: string;
                /** @description Only events at or after this ISO time */
                since?: string;
                /** @description Only events at or before this ISO time */
                until?: string;
                /** @description Only events of these types (comma-separated) */
                type?: string;
                /** @description Events per page */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history (events, nextCursor), or with `at` the states */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditAnswer"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    adminAuditOrder: {
        parameters: {
            query?: {
                /** @description The state at this moment instead of the history: an ISO time, a log position C/P, or a commit number */
                at?: string;
                /** @description Only events at or after this ISO time */
                since?: string;
                /** @description Only events at or before this ISO time */
                until?: string;
                /** @description Only events of these types (comma-separated) */
                type?: string;
                /** @description Events per page */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history (events, nextCursor), or with `at` the states */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditAnswer"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    adminAuditData: {
        parameters: {
            query?: {
                /** @description The state at this moment instead of the history: an ISO time, a log position C/P, or a commit number */
                at?: string;
                /** @description Only events at or after this ISO time */
                since?: string;
                /** @description Only events at or before this ISO time */
                until?: string;
                /** @description Only events of these types (comma-separated) */
                type?: string;
                /** @description Events per page */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                account: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history (events, nextCursor), or with `at` the states */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditAnswer"];
                };
            };
            /** @description Bad request: a missing, malformed or invalid field, or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in: no token, or a token that is invalid, expired or revoked */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many attempts: retry after the number of seconds in Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["RequestId"];
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
