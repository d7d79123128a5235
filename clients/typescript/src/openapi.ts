// The types of Tessera's API, generated from its OpenAPI document by `npm run api:types`
// (tools/openapi-types): do not edit. A test fails when the document changes and this file does not.
// Document SHA-256: 457dd9154c3ea266d75a53b630529a94a0376cbe0f1b719e188a43c7be1fda7e

export interface paths {
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign up */
        post: operations["signUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in, step one: the password */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in, step two: a code or a passkey's answer */
        post: operations["completeSecondFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/second-factor/passkey/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in, step two, with a passkey */
        post: operations["passkeySignInVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/second-factor/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a sign-in code by text message or email */
        post: operations["sendSignInCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check a session, and how strongly it was signed in */
        get: operations["currentSession"];
        put?: never;
        post?: never;
        /** Sign out */
        delete: operations["signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account and its two-factor state */
        get: operations["getAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password (every other session ends) */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forgot password: send a link or a code */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-reset/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the new password with the link's token or the texted code */
        post: operations["completePasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-reset/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a reset with a factor no reset can reach */
        post: operations["passwordResetSecondFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/secure-account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** "Wasn't you?": sign out everywhere, from an alert's link */
        post: operations["secureAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recovery/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What recovery can use, and a recovery under way */
        post: operations["recoveryOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recovery/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a code to a confirmed address, to start a recovery */
        post: operations["sendRecoveryCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recovery/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a recovery with that code: the waiting period begins */
        post: operations["startRecovery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recovery/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask an operator for an identity check */
        post: operations["fileIdentityCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recovery/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a recovery from an alert's link */
        post: operations["cancelRecovery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start setting up the authenticator app */
        post: operations["beginTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the authenticator with its first code (the first backup codes come with it) */
        post: operations["confirmTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/totp/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove the authenticator app */
        post: operations["disableTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/two-factor/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn two-factor off, step one: the password */
        post: operations["startDisableTwoFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/two-factor/disable/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn two-factor off, step two: a second factor */
        post: operations["confirmDisableTwoFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/backup-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Get a new set of backup codes (pending until one is typed back) */
        post: operations["newBackupCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/backup-codes/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Type one code of the new set back: it becomes the working set */
        post: operations["confirmBackupCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's email address and phone number */
        get: operations["listContacts"];
        put?: never;
        /** Add an address; a code goes there to prove it */
        post: operations["addContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/contacts/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Prove an address with its code */
        post: operations["verifyContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/contacts/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send an address's code again */
        post: operations["resendContactCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/contacts/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove an address */
        post: operations["removeContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every method, strongest first, and what the account has */
        get: operations["listMethods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/methods/{method}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start setting a method up */
        post: operations["beginEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/methods/{method}/replace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a method to a new device (the old one works until the new one is confirmed) */
        post: operations["beginReplacement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/methods/{method}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish setting a method up with its first answer */
        post: operations["confirmEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/methods/{method}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a credential */
        post: operations["removeCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/second-factor/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a second step with one method: a code sent, or WebAuthn options */
        post: operations["startSecondStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's passkeys */
        get: operations["listPasskeys"];
        put?: never;
        /** Register a passkey with the browser's answer */
        post: operations["addPasskey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/passkeys/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Options to create a passkey */
        post: operations["passkeyOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/passkeys/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a passkey */
        post: operations["removePasskey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/second-factor/passkey/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Options for signing in with a passkey as the second step */
        post: operations["passkeySignInOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's security events of the last 90 days, newest first */
        get: operations["listActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Browsers trusted to skip the second step */
        get: operations["listTrustedDevices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/devices/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forget one trusted device */
        post: operations["revokeTrustedDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/devices/revoke-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forget every trusted device */
        post: operations["revokeAllTrustedDevices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/ssf-configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Shared Signals transmitter's metadata (SSF 1.0) */
        get: operations["getWellKnownSsfConfiguration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ssf/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the receiver's stream configuration
         * @description With `stream_id`, the stream; without, the list of the receiver's streams (its one stream).
         */
        get: operations["getSsfStream"];
        /** Replace the stream's configuration (members absent go back to their default) */
        put: operations["putSsfStream"];
        /** Create a stream: refused, a receiver has the one the operator made */
        post: operations["postSsfStream"];
        /** Delete the stream: nothing more is sent on it, and its token stops working */
        delete: operations["deleteSsfStream"];
        options?: never;
        head?: never;
        /** Update the stream's configuration (members absent stay) */
        patch: operations["patchSsfStream"];
        trace?: never;
    };
    "/ssf/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the stream's status */
        get: operations["getSsfStatus"];
        put?: never;
        /**
         * Enable, pause or disable the stream
         * @description Paused: SETs are held and sent when it is enabled again. Disabled: nothing is held. A stream Tessera's operator disabled stays disabled: changing it is refused (403, `stream_disabled_by_operator`).
         */
        post: operations["postSsfStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ssf/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a verification SET on the stream
         * @description The SET carries `state` as sent. At most one every 10 seconds per stream (429 with Retry-After).
         */
        post: operations["postSsfVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ssf/poll/{streamId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Poll for SETs (RFC 8936)
         * @description Acknowledges (`ack`) and reports errors (`setErrs`) for SETs received, then returns up to `maxEvents` (at most 100) SETs not yet acknowledged. With none and `returnImmediately` not true, waits up to 10 s for one.
         */
        post: operations["postSsfPollStreamid"];
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
        /** @enum {string} */
        methodName: "passkey" | "totp" | "sms" | "email" | "backup_code";
        /** @description The facts behind the error, as data: the same in every language. Each property appears only when it applies (docs/errors.md). */
        ErrorDetails: {
            /**
             * Format: date-time
             * @description `code_already_used`: when the code was used.
             */
            usedAt?: string;
            /**
             * Format: date-time
             * @description `code_replaced`: when the list the code belongs to was replaced.
             */
            replacedAt?: string;
            /** @description `too_many_attempts`, `resend_too_soon`, `server_busy`: seconds to wait (the `Retry-After` header). */
            retryAfterSeconds?: number;
            /** @description `code_already_used` for a backup code: the unused codes left in its list. */
            remaining?: number;
            fields?: {
                field: string;
                reason: string;
            }[];
            /** @description `code_already_used`: the method whose code was used again. */
            method?: string;
        };
        /** @description An error: a stable `code`, words for a person (`message`), and the facts as data (`details`). */
        Error: {
            /**
             * @description Stable, never renamed (docs/errors.md).
             * @enum {string}
             */
            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "weak_password" | "username_taken" | "invalid_credentials" | "unauthenticated" | "invalid_code" | "code_already_used" | "code_typo" | "code_replaced" | "no_pending_codes" | "challenge_expired" | "app_sign_in_expired" | "too_many_attempts" | "method_not_available" | "second_factor_unavailable" | "two_factor_already_enabled" | "totp_not_pending" | "two_factor_not_enabled" | "resend_too_soon" | "delivery_failed" | "phone_in_use" | "email_in_use" | "no_contact" | "last_second_factor" | "passkey_already_registered" | "channel_unavailable" | "recovery_in_progress" | "recovery_request_open" | "recovery_paused" | "two_factor_setup_required" | "new_backup_codes_required" | "invalid_link" | "own_identity_check" | "server_busy" | "csrf_failed" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "internal_error";
            /** @description Words for a person, in the request's language (Accept-Language). Never parse them. */
            message: string;
            details: components["schemas"]["ErrorDetails"];
            fields?: {
                field: string;
                reason: string;
                problem: string;
            }[];
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
    getApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.1 document of this server's API. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    signUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "ada.l",
                 *       "password": "correct horse battery staple",
                 *       "email": "ada@example.com"
                 *     }
                 */
                "application/json": {
                    username: string;
                    password: string;
                    email?: string;
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
                    /**
                     * @example {
                     *       "account": {
                     *         "id": "5f2b8c1e9a7d4f3b2c6e8a1d0f9b7c3e",
                     *         "username": "ada.l"
                     *       },
                     *       "session": {
                     *         "token": "q8Jp2X0vTnY5kW3rB7cF1mZ9sD4hL6gA2eU0iO8yR3t",
                     *         "expiresAt": "2026-06-02T12:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        account: {
                            id: string;
                            username: string;
                        };
                        /** @description A session: send `token` as `Authorization: Bearer <token>`. */
                        session: {
                            token: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `weak_password`: Choose a different password.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "weak_password";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `username_taken`: That username is already taken. Try another one. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "username_taken";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "ada.l",
                 *       "password": "correct horse battery staple"
                 *     }
                 */
                "application/json": {
                    username: string;
                    password: string;
                    deviceToken?: string;
                };
            };
        };
        responses: {
            /** @description A second factor is on: answer `secondFactor.challenge` with `POST /api/v1/sessions/second-factor`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "secondFactor": {
                     *         "challenge": "Vf3kR8sN1qP6wX0zC4mB7tY2hJ5gL9dA3eU8iO1yK6u",
                     *         "methods": [
                     *           "totp",
                     *           "email",
                     *           "backup_code"
                     *         ],
                     *         "preferred": "totp",
                     *         "expiresAt": "2026-06-01T12:10:00.000Z",
                     *         "destinations": {
                     *           "email": "a•••@example.com"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        secondFactor: {
                            /** @description Single use; lasts 10 minutes. */
                            challenge: string;
                            /** @description What the account has, in the order to offer them; empty when only recovery is left. */
                            methods: string[];
                            /** @description The one to propose first; never a backup code. */
                            preferred: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description Where codes by `sms` and `email` go, masked. */
                            destinations: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description No second factor on the account: signed in. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "session": {
                     *         "token": "q8Jp2X0vTnY5kW3rB7cF1mZ9sD4hL6gA2eU0iO8yR3t",
                     *         "expiresAt": "2026-06-02T12:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @description A session: send `token` as `Authorization: Bearer <token>`. */
                        session: {
                            token: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `invalid_credentials`: The username or password is not right. Check both and try again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_credentials";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    completeSecondFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "challenge": "Vf3kR8sN1qP6wX0zC4mB7tY2hJ5gL9dA3eU8iO1yK6u",
                 *       "method": "totp",
                 *       "code": "492039",
                 *       "trustDevice": true
                 *     }
                 */
                "application/json": {
                    challenge: string;
                    method: components["schemas"]["methodName"];
                    code?: string;
                    response?: {
                        [key: string]: unknown;
                    };
                    trustDevice?: boolean;
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
                    /**
                     * @example {
                     *       "session": {
                     *         "token": "q8Jp2X0vTnY5kW3rB7cF1mZ9sD4hL6gA2eU0iO8yR3t",
                     *         "expiresAt": "2026-06-02T12:00:00.000Z"
                     *       },
                     *       "requiredActions": [],
                     *       "device": {
                     *         "token": "Dk2L9sQ4wE7rT1yU5iO8pA3sD6fG0hJ2kL4zX7cV9bN",
                     *         "expiresAt": "2026-07-01T12:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @description A session: send `token` as `Authorization: Bearer <token>`. */
                        session: {
                            token: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                        /** @description With `trustDevice: true`: send `token` as `deviceToken` with `POST /api/v1/sessions` to skip the second step (30 days). */
                        device?: {
                            token: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                        /** @description Only when a backup code was used; `runningLow` at 3 or fewer. */
                        backupCodes?: {
                            remaining: number;
                            runningLow: boolean;
                        };
                        requiredActions: ("finish_two_factor" | "new_backup_codes" | "set_up_two_factor")[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `code_typo`: That can't be one of your codes: a character is probably missing, extra, or two are swapped. Check it against your list and type it again.
             *     - `method_not_available`: That way of signing in is not set up on this account.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "code_typo" | "method_not_available";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `invalid_code`: That code didn't work. Check it and try again, or try another way to sign in.
             *     - `code_already_used`: That backup code was already used (1 Jun 2026, 11:58 UTC). Each code works once: try another unused code from your list.
             *     - `code_replaced`: That code is from a list that was replaced (20 May 2026, 09:30 UTC). Use a code from your newest list.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_code" | "code_already_used" | "code_replaced";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `second_factor_unavailable`: Your account needs a second step to sign in, but none of its methods can be used any more. Your account stays protected; account recovery is needed to get back in. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "second_factor_unavailable";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `challenge_expired`: This sign-in attempt has expired or already finished. Start again with your username and password. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "challenge_expired";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    passkeySignInVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "challenge": "Vf3kR8sN1qP6wX0zC4mB7tY2hJ5gL9dA3eU8iO1yK6u",
                 *       "response": {
                 *         "id": "AQIDBAUGBwgJCgsMDQ4PEA",
                 *         "rawId": "AQIDBAUGBwgJCgsMDQ4PEA",
                 *         "type": "public-key",
                 *         "response": {
                 *           "clientDataJSON": "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0",
                 *           "authenticatorData": "SZYN5YgOjGh0NBcPZHZgW4",
                 *           "signature": "MEUCIQDx"
                 *         },
                 *         "clientExtensionResults": {}
                 *       }
                 *     }
                 */
                "application/json": {
                    challenge: string;
                    response: {
                        [key: string]: unknown;
                    };
                    trustDevice?: boolean;
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
                    /**
                     * @example {
                     *       "session": {
                     *         "token": "q8Jp2X0vTnY5kW3rB7cF1mZ9sD4hL6gA2eU0iO8yR3t",
                     *         "expiresAt": "2026-06-02T12:00:00.000Z"
                     *       },
                     *       "requiredActions": []
                     *     }
                     */
                    "application/json": {
                        /** @description A session: send `token` as `Authorization: Bearer <token>`. */
                        session: {
                            token: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                        /** @description With `trustDevice: true`: send `token` as `deviceToken` with `POST /api/v1/sessions` to skip the second step (30 days). */
                        device?: {
                            token: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                        /** @description Only when a backup code was used; `runningLow` at 3 or fewer. */
                        backupCodes?: {
                            remaining: number;
                            runningLow: boolean;
                        };
                        requiredActions: ("finish_two_factor" | "new_backup_codes" | "set_up_two_factor")[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `code_typo`: That can't be one of your codes: a character is probably missing, extra, or two are swapped. Check it against your list and type it again.
             *     - `method_not_available`: That way of signing in is not set up on this account.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "code_typo" | "method_not_available";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `invalid_code`: That code didn't work. Check it and try again, or try another way to sign in.
             *     - `code_already_used`: That backup code was already used (1 Jun 2026, 11:58 UTC). Each code works once: try another unused code from your list.
             *     - `code_replaced`: That code is from a list that was replaced (20 May 2026, 09:30 UTC). Use a code from your newest list.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_code" | "code_already_used" | "code_replaced";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `second_factor_unavailable`: Your account needs a second step to sign in, but none of its methods can be used any more. Your account stays protected; account recovery is needed to get back in. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "second_factor_unavailable";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `challenge_expired`: This sign-in attempt has expired or already finished. Start again with your username and password. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "challenge_expired";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    sendSignInCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "challenge": "Vf3kR8sN1qP6wX0zC4mB7tY2hJ5gL9dA3eU8iO1yK6u",
                 *       "method": "sms"
                 *     }
                 */
                "application/json": {
                    challenge: string;
                    method: components["schemas"]["methodName"];
                };
            };
        };
        responses: {
            /** @description `delayed`: the provider did not take the message within 1.5 s; it is still being tried. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sentTo": "•••• 1234",
                     *       "status": "sent",
                     *       "expiresAt": "2026-06-01T12:10:00.000Z",
                     *       "resendAfter": "2026-06-01T12:01:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @description Where it went, masked. */
                        sentTo?: string;
                        /** @enum {string} */
                        status: "sent" | "delayed";
                        /** Format: date-time */
                        expiresAt: string;
                        /** Format: date-time */
                        resendAfter: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `method_not_available`: That way of signing in is not set up on this account.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "method_not_available";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `second_factor_unavailable`: Your account needs a second step to sign in, but none of its methods can be used any more. Your account stays protected; account recovery is needed to get back in. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "second_factor_unavailable";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `challenge_expired`: This sign-in attempt has expired or already finished. Start again with your username and password. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "challenge_expired";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `resend_too_soon`: A code was sent less than a minute ago. Give it a moment to arrive before asking for another.
             *     - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again.
             */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "resend_too_soon" | "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `delivery_failed`: We couldn't send the code. Try again in a little while, or use another way. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "delivery_failed";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `channel_unavailable`: Tessera cannot send messages of this kind right now. Use another way. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "channel_unavailable";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    currentSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "session": {
                     *         "expiresAt": "2026-06-02T12:00:40.000Z"
                     *       },
                     *       "account": {
                     *         "id": "5f2b8c1e9a7d4f3b2c6e8a1d0f9b7c3e",
                     *         "username": "ada.l"
                     *       },
                     *       "authentication": {
                     *         "methods": [
                     *           "password",
                     *           "totp"
                     *         ],
                     *         "amr": [
                     *           "pwd",
                     *           "otp",
                     *           "mfa"
                     *         ],
                     *         "acr": "urn:tessera:acr:two-factor",
                     *         "authTime": "2026-06-01T12:00:40.000Z",
                     *         "factors": [
                     *           {
                     *             "method": "password",
                     *             "at": "2026-06-01T12:00:00.000Z"
                     *           },
                     *           {
                     *             "method": "totp",
                     *             "at": "2026-06-01T12:00:40.000Z"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        session: {
                            /** Format: date-time */
                            expiresAt: string;
                        };
                        account: {
                            id: string;
                            username: string;
                        };
                        authentication: {
                            methods: string[];
                            amr: string[];
                            acr: string;
                            /** Format: date-time */
                            authTime: string;
                            factors: {
                                method: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
            };
            /** @description - `invalid_request`: Some of the fields are missing or not in the expected form. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again. */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again. */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    getAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "account": {
                     *         "id": "5f2b8c1e9a7d4f3b2c6e8a1d0f9b7c3e",
                     *         "username": "ada.l",
                     *         "email": "ada@example.com",
                     *         "createdAt": "2026-06-01T12:00:00.000Z"
                     *       },
                     *       "twoFactor": {
                     *         "enabled": true,
                     *         "methods": [
                     *           "totp",
                     *           "backup_code"
                     *         ],
                     *         "preferred": "totp",
                     *         "backupCodes": {
                     *           "remaining": 10,
                     *           "total": 10,
                     *           "createdAt": "2026-06-01T12:00:00.000Z"
                     *         },
                     *         "pendingBackupCodes": null,
                     *         "requiredActions": []
                     *       }
                     *     }
                     */
                    "application/json": {
                        account: {
                            id: string;
                            username: string;
                            /** @description The verified email address, if any. */
                            email: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                        twoFactor: {
                            enabled: boolean;
                            methods: string[];
                            preferred: string | null;
                            backupCodes: {
                                remaining: number;
                                total: number;
                                /** Format: date-time */
                                createdAt: string;
                            } | null;
                            pendingBackupCodes: {
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            requiredActions: ("finish_two_factor" | "new_backup_codes" | "set_up_two_factor")[];
                        };
                    };
                };
            };
            /** @description - `invalid_request`: Some of the fields are missing or not in the expected form. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again. */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "currentPassword": "correct horse battery staple",
                 *       "newPassword": "a new and longer passphrase"
                 *     }
                 */
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "password_changed"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "password_changed";
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `weak_password`: Choose a different password.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "weak_password";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_credentials`: The username or password is not right. Check both and try again.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_credentials";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `two_factor_setup_required`: Two-factor authentication was reset. Set up an authenticator app and save a new set of backup codes before doing anything else.
             *     - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_setup_required" | "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "identifier": "ada@example.com"
                 *     }
                 */
                "application/json": {
                    identifier: string;
                };
            };
        };
        responses: {
            /** @description The same answer, as fast, whether or not an account matched. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "reset": "Rz8xC2vB5nM1qW4eR7tY0uI3oP6aS9dF2gH5jK8lZ1x",
                     *       "message": "If an account matches, we sent a link to its confirmed email address, or a code by text message to its confirmed phone. The link works for 30 minutes, the code for 10."
                     *     }
                     */
                    "application/json": {
                        /** @description Sent back with a texted code to `POST /api/v1/password-reset/complete`. */
                        reset: string;
                        message: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    completePasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "q8Jp2X0vTnY5kW3rB7cF1mZ9sD4hL6gA2eU0iO8yR3t",
                 *       "newPassword": "a new and longer passphrase"
                 *     }
                 */
                "application/json": {
                    token: string;
                    code?: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "second_factor_required",
                     *       "secondFactor": {
                     *         "challenge": "Vf3kR8sN1qP6wX0zC4mB7tY2hJ5gL9dA3eU8iO1yK6u",
                     *         "methods": [
                     *           "totp",
                     *           "backup_code"
                     *         ],
                     *         "preferred": "totp",
                     *         "expiresAt": "2026-06-01T12:10:00.000Z",
                     *         "destinations": {}
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "password_changed";
                    } | {
                        /** @enum {string} */
                        status: "second_factor_required";
                        secondFactor: {
                            /** @description Single use; lasts 10 minutes. */
                            challenge: string;
                            /** @description What the account has, in the order to offer them; empty when only recovery is left. */
                            methods: string[];
                            /** @description The one to propose first; never a backup code. */
                            preferred: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description Where codes by `sms` and `email` go, masked. */
                            destinations: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `weak_password`: Choose a different password.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "weak_password";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `invalid_code`: That code didn't work. Check it and try again, or try another way to sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_code";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `invalid_link`: This link has expired or has already been used. Links in our messages work once, for a limited time. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_link";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    passwordResetSecondFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "challenge": "Vf3kR8sN1qP6wX0zC4mB7tY2hJ5gL9dA3eU8iO1yK6u",
                 *       "method": "backup_code",
                 *       "code": "7KQ2-M9XD"
                 *     }
                 */
                "application/json": {
                    challenge: string;
                    method: components["schemas"]["methodName"];
                    code?: string;
                    response?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "password_changed"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "password_changed";
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `code_typo`: That can't be one of your codes: a character is probably missing, extra, or two are swapped. Check it against your list and type it again.
             *     - `method_not_available`: That way of signing in is not set up on this account.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "code_typo" | "method_not_available";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `invalid_code`: That code didn't work. Check it and try again, or try another way to sign in.
             *     - `code_already_used`: That backup code was already used (1 Jun 2026, 11:58 UTC). Each code works once: try another unused code from your list.
             *     - `code_replaced`: That code is from a list that was replaced (20 May 2026, 09:30 UTC). Use a code from your newest list.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_code" | "code_already_used" | "code_replaced";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `second_factor_unavailable`: Your account needs a second step to sign in, but none of its methods can be used any more. Your account stays protected; account recovery is needed to get back in. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "second_factor_unavailable";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `challenge_expired`: This sign-in attempt has expired or already finished. Start again with your username and password.
             *     - `invalid_link`: This link has expired or has already been used. Links in our messages work once, for a limited time.
             */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "challenge_expired" | "invalid_link";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    secureAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "q8Jp2X0vTnY5kW3rB7cF1mZ9sD4hL6gA2eU0iO8yR3t"
                 *     }
                 */
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "signed_out_everywhere"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "signed_out_everywhere";
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `invalid_link`: This link has expired or has already been used. Links in our messages work once, for a limited time. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_link";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    recoveryOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "challenge": "Vf3kR8sN1qP6wX0zC4mB7tY2hJ5gL9dA3eU8iO1yK6u"
                 *     }
                 */
                "application/json": {
                    challenge: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "contacts": [
                     *         {
                     *           "kind": "email",
                     *           "masked": "a•••@example.com"
                     *         }
                     *       ],
                     *       "recovery": null,
                     *       "identityCheckOpen": false,
                     *       "codesPausedAt": null,
                     *       "identityCheckDenied": false
                     *     }
                     */
                    "application/json": {
                        contacts: {
                            /** @enum {string} */
                            kind: "email" | "phone";
                            masked: string;
                        }[];
                        recovery: {
                            /** @enum {string} */
                            status: "waiting";
                            via: string;
                            /** Format: date-time */
                            startedAt: string;
                            /** Format: date-time */
                            readyAt: string;
                        } | null;
                        identityCheckOpen: boolean;
                        /** Format: date-time */
                        codesPausedAt: string | null;
                        identityCheckDenied: boolean;
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `challenge_expired`: This sign-in attempt has expired or already finished. Start again with your username and password. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "challenge_expired";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    sendRecoveryCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "challenge": "Vf3kR8sN1qP6wX0zC4mB7tY2hJ5gL9dA3eU8iO1yK6u",
                 *       "kind": "email"
                 *     }
                 */
                "application/json": {
                    challenge: string;
                    /** @enum {string} */
                    kind: "email" | "phone";
                };
            };
        };
        responses: {
            /** @description `delayed`: the provider did not take the message within 1.5 s; it is still being tried. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sentTo": "a•••@example.com",
                     *       "status": "sent",
                     *       "expiresAt": "2026-06-01T12:10:00.000Z",
                     *       "resendAfter": "2026-06-01T12:01:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @description Where it went, masked. */
                        sentTo?: string;
                        /** @enum {string} */
                        status: "sent" | "delayed";
                        /** Format: date-time */
                        expiresAt: string;
                        /** Format: date-time */
                        resendAfter: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `no_contact`: There is no such address on this account waiting for a code. Add it again.
             *     - `recovery_in_progress`: Account recovery is already under way for this account. Wait for it to finish, or sign in with a second step to cancel it.
             *     - `recovery_paused`: The password of this account was reset without a second step. For your safety, a code by email or text message cannot start a recovery until your authenticator app, a passkey or a backup code has signed in. You can ask for an identity check instead.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "no_contact" | "recovery_in_progress" | "recovery_paused";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `challenge_expired`: This sign-in attempt has expired or already finished. Start again with your username and password. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "challenge_expired";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `resend_too_soon`: A code was sent less than a minute ago. Give it a moment to arrive before asking for another.
             *     - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again.
             */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "resend_too_soon" | "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `delivery_failed`: We couldn't send the code. Try again in a little while, or use another way. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "delivery_failed";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `channel_unavailable`: Tessera cannot send messages of this kind right now. Use another way. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "channel_unavailable";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    startRecovery: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "challenge": "Vf3kR8sN1qP6wX0zC4mB7tY2hJ5gL9dA3eU8iO1yK6u",
                 *       "kind": "email",
                 *       "code": "482913"
                 *     }
                 */
                "application/json": {
                    challenge: string;
                    /** @enum {string} */
                    kind: "email" | "phone";
                    code: string;
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
                    /**
                     * @example {
                     *       "recovery": {
                     *         "status": "waiting",
                     *         "via": "email",
                     *         "startedAt": "2026-06-01T12:00:00.000Z",
                     *         "readyAt": "2026-06-04T12:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        recovery: {
                            /** @enum {string} */
                            status: "waiting";
                            via: string;
                            /** Format: date-time */
                            startedAt: string;
                            /** Format: date-time */
                            readyAt: string;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `invalid_code`: That code didn't work. Check it and try again, or try another way to sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_code";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `no_contact`: There is no such address on this account waiting for a code. Add it again.
             *     - `recovery_in_progress`: Account recovery is already under way for this account. Wait for it to finish, or sign in with a second step to cancel it.
             *     - `recovery_paused`: The password of this account was reset without a second step. For your safety, a code by email or text message cannot start a recovery until your authenticator app, a passkey or a backup code has signed in. You can ask for an identity check instead.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "no_contact" | "recovery_in_progress" | "recovery_paused";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `challenge_expired`: This sign-in attempt has expired or already finished. Start again with your username and password. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "challenge_expired";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    fileIdentityCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "challenge": "Vf3kR8sN1qP6wX0zC4mB7tY2hJ5gL9dA3eU8iO1yK6u",
                 *       "message": "I lost my phone and my backup codes in a move last week.",
                 *       "lastSignIn": "May 2026"
                 *     }
                 */
                "application/json": {
                    challenge: string;
                    message: string;
                    contactsUsed?: string;
                    lastSignIn?: string;
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
                    /**
                     * @example {
                     *       "request": {
                     *         "id": "7b3d9f1a5c2e8b4d6f0a2c4e6b8d0f1a",
                     *         "status": "open",
                     *         "createdAt": "2026-06-01T12:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        request: {
                            id: string;
                            /** @enum {string} */
                            status: "open";
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `recovery_request_open`: You have already asked for an identity check. The people who run this service will look at it; there is no need to ask again.
             *     - `recovery_in_progress`: Account recovery is already under way for this account. Wait for it to finish, or sign in with a second step to cancel it.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "recovery_request_open" | "recovery_in_progress";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `challenge_expired`: This sign-in attempt has expired or already finished. Start again with your username and password. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "challenge_expired";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    cancelRecovery: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "q8Jp2X0vTnY5kW3rB7cF1mZ9sD4hL6gA2eU0iO8yR3t"
                 *     }
                 */
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "recovery_cancelled"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "recovery_cancelled";
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `invalid_link`: This link has expired or has already been used. Links in our messages work once, for a limited time. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_link";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    beginTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "correct horse battery staple"
                 *     }
                 */
                "application/json": {
                    password: string;
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
                    /**
                     * @example {
                     *       "secret": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
                     *       "otpauthUri": "otpauth://totp/Tessera:ada.l?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Tessera&algorithm=SHA1&digits=6&period=30",
                     *       "qrCodeSvg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 41 41\"><path d=\"M4 4h7v7H4z\"/></svg>"
                     *     }
                     */
                    "application/json": {
                        /** @description The key in base32, to type in. */
                        secret: string;
                        otpauthUri: string;
                        /** @description The QR code of `otpauthUri`, an SVG document. */
                        qrCodeSvg: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_credentials`: The username or password is not right. Check both and try again.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_credentials";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `two_factor_already_enabled`: The authenticator app is already turned on for this account. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_already_enabled";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    confirmTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "492039"
                 *     }
                 */
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description `backupCodes`: the first set, shown this once; two-factor turns on when one of them is typed back. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "twoFactor": {
                     *         "enabled": false,
                     *         "methods": [
                     *           "totp"
                     *         ],
                     *         "preferred": null,
                     *         "backupCodes": null,
                     *         "pendingBackupCodes": null,
                     *         "requiredActions": [
                     *           "finish_two_factor"
                     *         ]
                     *       },
                     *       "backupCodes": {
                     *         "codes": [
                     *           "7KQ2-M9XD",
                     *           "H4TZ-W8NB",
                     *           "P3VR-6JCF",
                     *           "B2NG-X7QL",
                     *           "R9DM-4WKT",
                     *           "T6HX-J3PZ",
                     *           "C8LW-N5GV",
                     *           "F2QB-9RMK",
                     *           "W7JT-K4XD",
                     *           "M3ZN-8HVP"
                     *         ],
                     *         "status": "pending",
                     *         "expiresAt": "2026-06-01T13:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        twoFactor: {
                            enabled: boolean;
                            methods: string[];
                            preferred: string | null;
                            backupCodes: {
                                remaining: number;
                                total: number;
                                /** Format: date-time */
                                createdAt: string;
                            } | null;
                            pendingBackupCodes: {
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            requiredActions: ("finish_two_factor" | "new_backup_codes" | "set_up_two_factor")[];
                        };
                        /** @description A new set of backup codes, shown this once; pending until one of them is typed back (`POST /api/v1/account/backup-codes/confirm`). */
                        backupCodes?: {
                            codes: string[];
                            /** @enum {string} */
                            status: "pending";
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_code`: That code didn't work. Check it and try again, or try another way to sign in.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_code";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `totp_not_pending`: Start setting up the authenticator app again: there is no set-up waiting for a code. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "totp_not_pending";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    disableTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "correct horse battery staple"
                 *     }
                 */
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "twoFactor": {
                     *         "enabled": false,
                     *         "methods": [],
                     *         "preferred": null,
                     *         "backupCodes": null,
                     *         "pendingBackupCodes": null,
                     *         "requiredActions": []
                     *       }
                     *     }
                     */
                    "application/json": {
                        twoFactor: {
                            enabled: boolean;
                            methods: string[];
                            preferred: string | null;
                            backupCodes: {
                                remaining: number;
                                total: number;
                                /** Format: date-time */
                                createdAt: string;
                            } | null;
                            pendingBackupCodes: {
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            requiredActions: ("finish_two_factor" | "new_backup_codes" | "set_up_two_factor")[];
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_credentials`: The username or password is not right. Check both and try again.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_credentials";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `two_factor_not_enabled`: Two-factor authentication is not turned on for this account.
             *     - `last_second_factor`: This is the last way to confirm it is you. To remove it, turn two-factor authentication off instead, or add another method first.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_not_enabled" | "last_second_factor";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    startDisableTwoFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "correct horse battery staple"
                 *     }
                 */
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "secondFactor": {
                     *         "challenge": "Vf3kR8sN1qP6wX0zC4mB7tY2hJ5gL9dA3eU8iO1yK6u",
                     *         "methods": [
                     *           "totp",
                     *           "email",
                     *           "backup_code"
                     *         ],
                     *         "preferred": "totp",
                     *         "expiresAt": "2026-06-01T12:10:00.000Z",
                     *         "destinations": {
                     *           "email": "a•••@example.com"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        secondFactor: {
                            /** @description Single use; lasts 10 minutes. */
                            challenge: string;
                            /** @description What the account has, in the order to offer them; empty when only recovery is left. */
                            methods: string[];
                            /** @description The one to propose first; never a backup code. */
                            preferred: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description Where codes by `sms` and `email` go, masked. */
                            destinations: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_credentials`: The username or password is not right. Check both and try again.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_credentials";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `two_factor_setup_required`: Two-factor authentication was reset. Set up an authenticator app and save a new set of backup codes before doing anything else.
             *     - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else.
             *     - `second_factor_unavailable`: Your account needs a second step to sign in, but none of its methods can be used any more. Your account stays protected; account recovery is needed to get back in.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_setup_required" | "new_backup_codes_required" | "second_factor_unavailable";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `two_factor_not_enabled`: Two-factor authentication is not turned on for this account. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_not_enabled";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    confirmDisableTwoFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "challenge": "Vf3kR8sN1qP6wX0zC4mB7tY2hJ5gL9dA3eU8iO1yK6u",
                 *       "method": "totp",
                 *       "code": "492039"
                 *     }
                 */
                "application/json": {
                    challenge: string;
                    method: components["schemas"]["methodName"];
                    code?: string;
                    response?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "twoFactor": {
                     *         "enabled": false,
                     *         "methods": [],
                     *         "preferred": null,
                     *         "backupCodes": null,
                     *         "pendingBackupCodes": null,
                     *         "requiredActions": []
                     *       }
                     *     }
                     */
                    "application/json": {
                        twoFactor: {
                            enabled: boolean;
                            methods: string[];
                            preferred: string | null;
                            backupCodes: {
                                remaining: number;
                                total: number;
                                /** Format: date-time */
                                createdAt: string;
                            } | null;
                            pendingBackupCodes: {
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            requiredActions: ("finish_two_factor" | "new_backup_codes" | "set_up_two_factor")[];
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `code_typo`: That can't be one of your codes: a character is probably missing, extra, or two are swapped. Check it against your list and type it again.
             *     - `method_not_available`: That way of signing in is not set up on this account.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "code_typo" | "method_not_available";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_code`: That code didn't work. Check it and try again, or try another way to sign in.
             *     - `code_already_used`: That backup code was already used (1 Jun 2026, 11:58 UTC). Each code works once: try another unused code from your list.
             *     - `code_replaced`: That code is from a list that was replaced (20 May 2026, 09:30 UTC). Use a code from your newest list.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_code" | "code_already_used" | "code_replaced";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `two_factor_setup_required`: Two-factor authentication was reset. Set up an authenticator app and save a new set of backup codes before doing anything else.
             *     - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_setup_required" | "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `challenge_expired`: This sign-in attempt has expired or already finished. Start again with your username and password. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "challenge_expired";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    newBackupCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "correct horse battery staple"
                 *     }
                 */
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description A new set of backup codes, shown this once; pending until one of them is typed back (`POST /api/v1/account/backup-codes/confirm`). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "codes": [
                     *         "7KQ2-M9XD",
                     *         "H4TZ-W8NB",
                     *         "P3VR-6JCF",
                     *         "B2NG-X7QL",
                     *         "R9DM-4WKT",
                     *         "T6HX-J3PZ",
                     *         "C8LW-N5GV",
                     *         "F2QB-9RMK",
                     *         "W7JT-K4XD",
                     *         "M3ZN-8HVP"
                     *       ],
                     *       "status": "pending",
                     *       "expiresAt": "2026-06-01T13:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        codes: string[];
                        /** @enum {string} */
                        status: "pending";
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_credentials`: The username or password is not right. Check both and try again.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_credentials";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `two_factor_not_enabled`: Two-factor authentication is not turned on for this account. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_not_enabled";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    confirmBackupCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "H4TZ-W8NB"
                 *     }
                 */
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "backupCodes": {
                     *         "remaining": 10,
                     *         "total": 10,
                     *         "createdAt": "2026-06-01T12:00:00.000Z"
                     *       },
                     *       "twoFactor": {
                     *         "enabled": true,
                     *         "methods": [
                     *           "totp",
                     *           "backup_code"
                     *         ],
                     *         "preferred": "totp",
                     *         "backupCodes": {
                     *           "remaining": 10,
                     *           "total": 10,
                     *           "createdAt": "2026-06-01T12:00:00.000Z"
                     *         },
                     *         "pendingBackupCodes": null,
                     *         "requiredActions": []
                     *       }
                     *     }
                     */
                    "application/json": {
                        backupCodes: {
                            remaining: number;
                            total: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                        twoFactor: {
                            enabled: boolean;
                            methods: string[];
                            preferred: string | null;
                            backupCodes: {
                                remaining: number;
                                total: number;
                                /** Format: date-time */
                                createdAt: string;
                            } | null;
                            pendingBackupCodes: {
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            requiredActions: ("finish_two_factor" | "new_backup_codes" | "set_up_two_factor")[];
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `code_typo`: That can't be one of your codes: a character is probably missing, extra, or two are swapped. Check it against your list and type it again.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "code_typo";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_code`: That code didn't work. Check it and try again, or try another way to sign in.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_code";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `no_pending_codes`: There are no new backup codes waiting to be confirmed. They may have expired after an hour: get a new set. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "no_pending_codes";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    listContacts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "contacts": [
                     *         {
                     *           "kind": "email",
                     *           "value": "ada@example.com",
                     *           "masked": "a•••@example.com",
                     *           "verified": true,
                     *           "createdAt": "2026-06-01T12:00:00.000Z"
                     *         },
                     *         {
                     *           "kind": "phone",
                     *           "value": "+12025550199",
                     *           "masked": "•••• 0199",
                     *           "verified": false,
                     *           "createdAt": "2026-06-01T12:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        contacts: {
                            /** @enum {string} */
                            kind: "email" | "phone";
                            /** @description An email address, or a phone number in E.164. */
                            value: string;
                            masked: string;
                            verified: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description - `invalid_request`: Some of the fields are missing or not in the expected form. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again. */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `two_factor_setup_required`: Two-factor authentication was reset. Set up an authenticator app and save a new set of backup codes before doing anything else.
             *     - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_setup_required" | "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    addContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "phone",
                 *       "value": "+1 202 555 0199",
                 *       "password": "correct horse battery staple"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    kind: "email" | "phone";
                    value: string;
                    password: string;
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
                    /**
                     * @example {
                     *       "contact": {
                     *         "kind": "phone",
                     *         "value": "+12025550199",
                     *         "masked": "•••• 0199",
                     *         "verified": false,
                     *         "createdAt": "2026-06-01T12:00:00.000Z"
                     *       },
                     *       "code": {
                     *         "sentTo": "•••• 0199",
                     *         "status": "sent",
                     *         "expiresAt": "2026-06-01T12:10:00.000Z",
                     *         "resendAfter": "2026-06-01T12:01:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        contact: {
                            /** @enum {string} */
                            kind: "email" | "phone";
                            /** @description An email address, or a phone number in E.164. */
                            value: string;
                            masked: string;
                            verified: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        };
                        /** @description `delayed`: the provider did not take the message within 1.5 s; it is still being tried. */
                        code: {
                            /** @description Where it went, masked. */
                            sentTo?: string;
                            /** @enum {string} */
                            status: "sent" | "delayed";
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            resendAfter: string;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_credentials`: The username or password is not right. Check both and try again.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_credentials";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `two_factor_setup_required`: Two-factor authentication was reset. Set up an authenticator app and save a new set of backup codes before doing anything else.
             *     - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_setup_required" | "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `phone_in_use`: That phone number already protects another account. Use a different number.
             *     - `email_in_use`: That email address belongs to another account. Use a different address.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "phone_in_use" | "email_in_use";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `resend_too_soon`: A code was sent less than a minute ago. Give it a moment to arrive before asking for another.
             *     - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again.
             */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "resend_too_soon" | "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `delivery_failed`: We couldn't send the code. Try again in a little while, or use another way. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "delivery_failed";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `channel_unavailable`: Tessera cannot send messages of this kind right now. Use another way.
             *     - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment.
             */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "channel_unavailable" | "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    verifyContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "email",
                 *       "code": "482913"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    kind: "email" | "phone";
                    code: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "contact": {
                     *         "kind": "email",
                     *         "value": "ada@example.com",
                     *         "masked": "a•••@example.com",
                     *         "verified": true,
                     *         "createdAt": "2026-06-01T12:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        contact: {
                            /** @enum {string} */
                            kind: "email" | "phone";
                            /** @description An email address, or a phone number in E.164. */
                            value: string;
                            masked: string;
                            verified: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_code`: That code didn't work. Check it and try again, or try another way to sign in.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_code";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `two_factor_setup_required`: Two-factor authentication was reset. Set up an authenticator app and save a new set of backup codes before doing anything else.
             *     - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_setup_required" | "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `no_contact`: There is no such address on this account waiting for a code. Add it again.
             *     - `email_in_use`: That email address belongs to another account. Use a different address.
             *     - `phone_in_use`: That phone number already protects another account. Use a different number.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "no_contact" | "email_in_use" | "phone_in_use";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    resendContactCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "email"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    kind: "email" | "phone";
                };
            };
        };
        responses: {
            /** @description `delayed`: the provider did not take the message within 1.5 s; it is still being tried. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "sent",
                     *       "expiresAt": "2026-06-01T12:10:00.000Z",
                     *       "resendAfter": "2026-06-01T12:01:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @description Where it went, masked. */
                        sentTo?: string;
                        /** @enum {string} */
                        status: "sent" | "delayed";
                        /** Format: date-time */
                        expiresAt: string;
                        /** Format: date-time */
                        resendAfter: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again. */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `two_factor_setup_required`: Two-factor authentication was reset. Set up an authenticator app and save a new set of backup codes before doing anything else.
             *     - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_setup_required" | "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `no_contact`: There is no such address on this account waiting for a code. Add it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "no_contact";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `resend_too_soon`: A code was sent less than a minute ago. Give it a moment to arrive before asking for another.
             *     - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again.
             */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "resend_too_soon" | "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `delivery_failed`: We couldn't send the code. Try again in a little while, or use another way. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "delivery_failed";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `channel_unavailable`: Tessera cannot send messages of this kind right now. Use another way. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "channel_unavailable";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    removeContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "phone",
                 *       "password": "correct horse battery staple"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    kind: "email" | "phone";
                    password: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "contacts": [
                     *         {
                     *           "kind": "email",
                     *           "value": "ada@example.com",
                     *           "masked": "a•••@example.com",
                     *           "verified": true,
                     *           "createdAt": "2026-06-01T12:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        contacts: {
                            /** @enum {string} */
                            kind: "email" | "phone";
                            /** @description An email address, or a phone number in E.164. */
                            value: string;
                            masked: string;
                            verified: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_credentials`: The username or password is not right. Check both and try again.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_credentials";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `two_factor_setup_required`: Two-factor authentication was reset. Set up an authenticator app and save a new set of backup codes before doing anything else.
             *     - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_setup_required" | "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `no_contact`: There is no such address on this account waiting for a code. Add it again.
             *     - `last_second_factor`: This is the last way to confirm it is you. To remove it, turn two-factor authentication off instead, or add another method first.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "no_contact" | "last_second_factor";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    listMethods: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "methods": [
                     *         {
                     *           "name": "passkey",
                     *           "title": "Passkey",
                     *           "role": "primary",
                     *           "enrolled": false,
                     *           "settable": true,
                     *           "credentials": []
                     *         },
                     *         {
                     *           "name": "totp",
                     *           "title": "Authenticator app",
                     *           "role": "primary",
                     *           "enrolled": true,
                     *           "settable": true,
                     *           "credentials": [
                     *             {
                     *               "id": "9c4e1f7a2b8d3c6e5f0a1b2c3d4e5f60",
                     *               "name": "Authenticator app",
                     *               "createdAt": "2026-06-01T12:00:00.000Z",
                     *               "lastUsedAt": null
                     *             }
                     *           ]
                     *         },
                     *         {
                     *           "name": "backup_code",
                     *           "title": "Backup codes",
                     *           "role": "fallback",
                     *           "enrolled": true,
                     *           "settable": false,
                     *           "credentials": []
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        methods: {
                            name: string;
                            title: string;
                            /** @enum {string} */
                            role: "primary" | "fallback";
                            enrolled: boolean;
                            settable: boolean;
                            credentials: {
                                id: string;
                                name: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                lastUsedAt: string | null;
                            }[];
                        }[];
                    };
                };
            };
            /** @description - `invalid_request`: Some of the fields are missing or not in the expected form. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again. */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    beginEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                method: components["schemas"]["methodName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "correct horse battery staple"
                 *     }
                 */
                "application/json": {
                    password: string;
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
                    /**
                     * @example {
                     *       "enrolment": {
                     *         "kind": "shared_secret",
                     *         "secret": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
                     *         "uri": "otpauth://totp/Tessera:ada.l?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Tessera&algorithm=SHA1&digits=6&period=30",
                     *         "qrCodeSvg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 41 41\"><path d=\"M4 4h7v7H4z\"/></svg>"
                     *       }
                     *     }
                     */
                    "application/json": {
                        enrolment: {
                            /** @enum {string} */
                            kind: "shared_secret";
                            /** @description The key in base32. */
                            secret: string;
                            /** @description An otpauth:// URI. */
                            uri: string;
                            /** @description The QR code of `uri`, an SVG document. */
                            qrCodeSvg: string;
                        } | {
                            /** @enum {string} */
                            kind: "webauthn";
                            options: {
                                [key: string]: unknown;
                            };
                        } | {
                            /** @enum {string} */
                            kind: "code_set";
                            codes: string[];
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `method_not_available`: That way of signing in is not set up on this account.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "method_not_available";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_credentials`: The username or password is not right. Check both and try again.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_credentials";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `two_factor_already_enabled`: The authenticator app is already turned on for this account. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_already_enabled";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    beginReplacement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                method: components["schemas"]["methodName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "correct horse battery staple"
                 *     }
                 */
                "application/json": {
                    password: string;
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
                    /**
                     * @example {
                     *       "enrolment": {
                     *         "kind": "webauthn",
                     *         "options": {
                     *           "challenge": "dGhpcyBpcyAzMiByYW5kb20gYnl0ZXMgb2YgY2hhbGxlbmdl",
                     *           "rp": {
                     *             "name": "Tessera",
                     *             "id": "accounts.example.com"
                     *           },
                     *           "user": {
                     *             "id": "X2Y4ZjNiMmM2ZThhMWQwZg",
                     *             "name": "ada.l",
                     *             "displayName": "ada.l"
                     *           },
                     *           "pubKeyCredParams": [
                     *             {
                     *               "alg": -7,
                     *               "type": "public-key"
                     *             },
                     *             {
                     *               "alg": -257,
                     *               "type": "public-key"
                     *             }
                     *           ],
                     *           "timeout": 300000,
                     *           "attestation": "none"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        enrolment: {
                            /** @enum {string} */
                            kind: "shared_secret";
                            /** @description The key in base32. */
                            secret: string;
                            /** @description An otpauth:// URI. */
                            uri: string;
                            /** @description The QR code of `uri`, an SVG document. */
                            qrCodeSvg: string;
                        } | {
                            /** @enum {string} */
                            kind: "webauthn";
                            options: {
                                [key: string]: unknown;
                            };
                        } | {
                            /** @enum {string} */
                            kind: "code_set";
                            codes: string[];
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `method_not_available`: That way of signing in is not set up on this account.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "method_not_available";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_credentials`: The username or password is not right. Check both and try again.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_credentials";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `two_factor_not_enabled`: Two-factor authentication is not turned on for this account. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_not_enabled";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    confirmEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                method: components["schemas"]["methodName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "492039"
                 *     }
                 */
                "application/json": {
                    code?: string;
                    response?: {
                        [key: string]: unknown;
                    };
                    name?: string;
                };
            };
        };
        responses: {
            /** @description `backupCodes`: the first set, when setting up the authenticator turned the set-up on. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "credential": {
                     *         "id": "9c4e1f7a2b8d3c6e5f0a1b2c3d4e5f60",
                     *         "name": "Authenticator app",
                     *         "createdAt": "2026-06-01T12:00:00.000Z",
                     *         "lastUsedAt": null
                     *       },
                     *       "twoFactor": {
                     *         "enabled": false,
                     *         "methods": [
                     *           "totp"
                     *         ],
                     *         "preferred": null,
                     *         "backupCodes": null,
                     *         "pendingBackupCodes": null,
                     *         "requiredActions": [
                     *           "finish_two_factor"
                     *         ]
                     *       },
                     *       "backupCodes": {
                     *         "codes": [
                     *           "7KQ2-M9XD",
                     *           "H4TZ-W8NB",
                     *           "P3VR-6JCF",
                     *           "B2NG-X7QL",
                     *           "R9DM-4WKT",
                     *           "T6HX-J3PZ",
                     *           "C8LW-N5GV",
                     *           "F2QB-9RMK",
                     *           "W7JT-K4XD",
                     *           "M3ZN-8HVP"
                     *         ],
                     *         "status": "pending",
                     *         "expiresAt": "2026-06-01T13:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        credential: {
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                        };
                        twoFactor: {
                            enabled: boolean;
                            methods: string[];
                            preferred: string | null;
                            backupCodes: {
                                remaining: number;
                                total: number;
                                /** Format: date-time */
                                createdAt: string;
                            } | null;
                            pendingBackupCodes: {
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            requiredActions: ("finish_two_factor" | "new_backup_codes" | "set_up_two_factor")[];
                        };
                        /** @description A new set of backup codes, shown this once; pending until one of them is typed back (`POST /api/v1/account/backup-codes/confirm`). */
                        backupCodes?: {
                            codes: string[];
                            /** @enum {string} */
                            status: "pending";
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `method_not_available`: That way of signing in is not set up on this account.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "method_not_available";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_code`: That code didn't work. Check it and try again, or try another way to sign in.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_code";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `totp_not_pending`: Start setting up the authenticator app again: there is no set-up waiting for a code.
             *     - `passkey_already_registered`: This passkey is already registered. Use it, or create a new one on another device or security key.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "totp_not_pending" | "passkey_already_registered";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    removeCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                method: components["schemas"]["methodName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "correct horse battery staple",
                 *       "id": "3e7a9c1f5b2d8e4a6c0f1b3d5e7a9c2f"
                 *     }
                 */
                "application/json": {
                    id?: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "twoFactor": {
                     *         "enabled": true,
                     *         "methods": [
                     *           "totp",
                     *           "backup_code"
                     *         ],
                     *         "preferred": "totp",
                     *         "backupCodes": {
                     *           "remaining": 10,
                     *           "total": 10,
                     *           "createdAt": "2026-06-01T12:00:00.000Z"
                     *         },
                     *         "pendingBackupCodes": null,
                     *         "requiredActions": []
                     *       }
                     *     }
                     */
                    "application/json": {
                        twoFactor: {
                            enabled: boolean;
                            methods: string[];
                            preferred: string | null;
                            backupCodes: {
                                remaining: number;
                                total: number;
                                /** Format: date-time */
                                createdAt: string;
                            } | null;
                            pendingBackupCodes: {
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            requiredActions: ("finish_two_factor" | "new_backup_codes" | "set_up_two_factor")[];
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `method_not_available`: That way of signing in is not set up on this account.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "method_not_available";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_credentials`: The username or password is not right. Check both and try again.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_credentials";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `not_found`: There is nothing here. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `two_factor_not_enabled`: Two-factor authentication is not turned on for this account.
             *     - `last_second_factor`: This is the last way to confirm it is you. To remove it, turn two-factor authentication off instead, or add another method first.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_not_enabled" | "last_second_factor";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    startSecondStep: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "challenge": "Vf3kR8sN1qP6wX0zC4mB7tY2hJ5gL9dA3eU8iO1yK6u",
                 *       "method": "email"
                 *     }
                 */
                "application/json": {
                    challenge: string;
                    method: components["schemas"]["methodName"];
                };
            };
        };
        responses: {
            /** @description A passkey: request options for `navigator.credentials.get()`, bound to this step. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "kind": "webauthn",
                     *       "options": {
                     *         "challenge": "dGhpcyBpcyAzMiByYW5kb20gYnl0ZXMgb2YgY2hhbGxlbmdl",
                     *         "rpId": "accounts.example.com",
                     *         "allowCredentials": [
                     *           {
                     *             "id": "AQIDBAUGBwgJCgsMDQ4PEA",
                     *             "type": "public-key"
                     *           }
                     *         ],
                     *         "userVerification": "preferred",
                     *         "timeout": 300000
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        kind: "webauthn";
                        options: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A method that sends codes: the code was sent, as with `POST /api/v1/sessions/second-factor/send`. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "kind": "code_sent",
                     *       "sentTo": "a•••@example.com",
                     *       "status": "sent",
                     *       "expiresAt": "2026-06-01T12:10:00.000Z",
                     *       "resendAfter": "2026-06-01T12:01:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        kind: "code_sent";
                        /** @description Where it went, masked. */
                        sentTo?: string;
                        /** @enum {string} */
                        status: "sent" | "delayed";
                        /** Format: date-time */
                        expiresAt: string;
                        /** Format: date-time */
                        resendAfter: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `method_not_available`: That way of signing in is not set up on this account.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "method_not_available";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `second_factor_unavailable`: Your account needs a second step to sign in, but none of its methods can be used any more. Your account stays protected; account recovery is needed to get back in. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "second_factor_unavailable";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `challenge_expired`: This sign-in attempt has expired or already finished. Start again with your username and password. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "challenge_expired";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `resend_too_soon`: A code was sent less than a minute ago. Give it a moment to arrive before asking for another.
             *     - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again.
             */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "resend_too_soon" | "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `delivery_failed`: We couldn't send the code. Try again in a little while, or use another way. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "delivery_failed";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `channel_unavailable`: Tessera cannot send messages of this kind right now. Use another way. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "channel_unavailable";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    listPasskeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "passkeys": [
                     *         {
                     *           "id": "3e7a9c1f5b2d8e4a6c0f1b3d5e7a9c2f",
                     *           "name": "Security key",
                     *           "createdAt": "2026-06-01T12:00:00.000Z",
                     *           "lastUsedAt": "2026-06-02T08:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        passkeys: {
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description - `invalid_request`: Some of the fields are missing or not in the expected form. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again. */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    addPasskey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Security key",
                 *       "response": {
                 *         "id": "AQIDBAUGBwgJCgsMDQ4PEA",
                 *         "rawId": "AQIDBAUGBwgJCgsMDQ4PEA",
                 *         "type": "public-key",
                 *         "response": {
                 *           "clientDataJSON": "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0",
                 *           "attestationObject": "o2NmbXRkbm9uZQ"
                 *         },
                 *         "clientExtensionResults": {}
                 *       }
                 *     }
                 */
                "application/json": {
                    name: string;
                    response: {
                        [key: string]: unknown;
                    };
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
                    /**
                     * @example {
                     *       "passkey": {
                     *         "id": "3e7a9c1f5b2d8e4a6c0f1b3d5e7a9c2f",
                     *         "name": "Security key",
                     *         "createdAt": "2026-06-01T12:00:00.000Z",
                     *         "lastUsedAt": null
                     *       }
                     *     }
                     */
                    "application/json": {
                        passkey: {
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `method_not_available`: That way of signing in is not set up on this account.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "method_not_available";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_code`: That code didn't work. Check it and try again, or try another way to sign in.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_code";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `passkey_already_registered`: This passkey is already registered. Use it, or create a new one on another device or security key. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "passkey_already_registered";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    passkeyOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "correct horse battery staple"
                 *     }
                 */
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "options": {
                     *         "challenge": "dGhpcyBpcyAzMiByYW5kb20gYnl0ZXMgb2YgY2hhbGxlbmdl",
                     *         "rp": {
                     *           "name": "Tessera",
                     *           "id": "accounts.example.com"
                     *         },
                     *         "user": {
                     *           "id": "X2Y4ZjNiMmM2ZThhMWQwZg",
                     *           "name": "ada.l",
                     *           "displayName": "ada.l"
                     *         },
                     *         "pubKeyCredParams": [
                     *           {
                     *             "alg": -7,
                     *             "type": "public-key"
                     *           },
                     *           {
                     *             "alg": -257,
                     *             "type": "public-key"
                     *           }
                     *         ],
                     *         "timeout": 300000,
                     *         "attestation": "none"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @description WebAuthn creation options for `navigator.credentials.create()` (JSON form). */
                        options: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `method_not_available`: That way of signing in is not set up on this account.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "method_not_available";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_credentials`: The username or password is not right. Check both and try again.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_credentials";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    removePasskey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "3e7a9c1f5b2d8e4a6c0f1b3d5e7a9c2f",
                 *       "password": "correct horse battery staple"
                 *     }
                 */
                "application/json": {
                    id: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "passkeys": []
                     *     }
                     */
                    "application/json": {
                        passkeys: {
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again.
             *     - `invalid_credentials`: The username or password is not right. Check both and try again.
             */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated" | "invalid_credentials";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `not_found`: There is nothing here. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `last_second_factor`: This is the last way to confirm it is you. To remove it, turn two-factor authentication off instead, or add another method first. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "last_second_factor";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `too_many_attempts`: Too many attempts. For your safety, wait a little before trying again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_attempts";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `server_busy`: Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (`details.retryAfterSeconds`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "server_busy";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    passkeySignInOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "challenge": "Vf3kR8sN1qP6wX0zC4mB7tY2hJ5gL9dA3eU8iO1yK6u"
                 *     }
                 */
                "application/json": {
                    challenge: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "options": {
                     *         "challenge": "dGhpcyBpcyAzMiByYW5kb20gYnl0ZXMgb2YgY2hhbGxlbmdl",
                     *         "rpId": "accounts.example.com",
                     *         "allowCredentials": [
                     *           {
                     *             "id": "AQIDBAUGBwgJCgsMDQ4PEA",
                     *             "type": "public-key"
                     *           }
                     *         ],
                     *         "userVerification": "preferred",
                     *         "timeout": 300000
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @description WebAuthn request options for `navigator.credentials.get()` (JSON form). */
                        options: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             *     - `method_not_available`: That way of signing in is not set up on this account.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "method_not_available";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `second_factor_unavailable`: Your account needs a second step to sign in, but none of its methods can be used any more. Your account stays protected; account recovery is needed to get back in. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "second_factor_unavailable";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `challenge_expired`: This sign-in attempt has expired or already finished. Start again with your username and password. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "challenge_expired";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    listActivity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "events": [
                     *         {
                     *           "id": "1a2b3c4d5e6f708192a3b4c5d6e7f809",
                     *           "at": "2026-06-01T12:00:40.000Z",
                     *           "kind": "code_failed",
                     *           "description": "A backup code was refused: it was already used.",
                     *           "method": "backup_code",
                     *           "reason": "already_used",
                     *           "device": "Firefox on Windows",
                     *           "ip": "203.0.113.7",
                     *           "by": "you"
                     *         },
                     *         {
                     *           "id": "0f9e8d7c6b5a49382716f5e4d3c2b1a0",
                     *           "at": "2026-06-01T12:00:00.000Z",
                     *           "kind": "signed_in",
                     *           "description": "Signed in.",
                     *           "method": "totp",
                     *           "reason": null,
                     *           "device": "Firefox on Windows",
                     *           "ip": "203.0.113.7",
                     *           "by": "you"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        events: {
                            id: string;
                            /** Format: date-time */
                            at: string;
                            /** @description Never changes; the list is in docs/api.md (Activity). */
                            kind: string;
                            /** @description In the request's language. */
                            description: string;
                            method: string | null;
                            /** @enum {string|null} */
                            reason: "typo" | "already_used" | "old_list" | "wrong" | null;
                            device: string | null;
                            ip: string | null;
                            /** @enum {string} */
                            by: "you" | "operator" | "system";
                        }[];
                    };
                };
            };
            /** @description - `invalid_request`: Some of the fields are missing or not in the expected form. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again. */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    listTrustedDevices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "devices": [
                     *         {
                     *           "id": "c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6",
                     *           "label": "Firefox on Windows",
                     *           "createdAt": "2026-06-01T12:00:00.000Z",
                     *           "lastUsedAt": "2026-06-01T12:10:00.000Z",
                     *           "expiresAt": "2026-07-01T12:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        devices: {
                            id: string;
                            label: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            lastUsedAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                        }[];
                    };
                };
            };
            /** @description - `invalid_request`: Some of the fields are missing or not in the expected form. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again. */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `two_factor_setup_required`: Two-factor authentication was reset. Set up an authenticator app and save a new set of backup codes before doing anything else.
             *     - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_setup_required" | "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    revokeTrustedDevice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6"
                 *     }
                 */
                "application/json": {
                    id: string;
                };
            };
        };
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again. */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `two_factor_setup_required`: Two-factor authentication was reset. Set up an authenticator app and save a new set of backup codes before doing anything else.
             *     - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_setup_required" | "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `not_found`: There is nothing here. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    revokeAllTrustedDevices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description - `invalid_request`: Some of the fields are missing or not in the expected form.
             *     - `invalid_json`: The request body is not valid JSON.
             *     - `invalid_encoding`: The request contains text that is not valid UTF-8.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unauthenticated`: You are not signed in, or your session has ended. Sign in again. */
            401: {
                headers: {
                    /** @description `Bearer realm="tessera"` when the session is missing or has ended. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /**
             * @description - `two_factor_setup_required`: Two-factor authentication was reset. Set up an authenticator app and save a new set of backup codes before doing anything else.
             *     - `new_backup_codes_required`: Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "two_factor_setup_required" | "new_backup_codes_required";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `payload_too_large`: The request is larger than Tessera accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `unsupported_media_type`: Send JSON (application/json) or a form (application/x-www-form-urlencoded). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description - `internal_error`: Something went wrong on our side. Nothing was changed; please try again. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    getWellKnownSsfConfiguration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Transmitter Configuration Metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        spec_version: string;
                        issuer: string;
                        /** @description The OpenID Connect provider's keys: SETs are signed with them (RS256). */
                        jwks_uri: string;
                        delivery_methods_supported: string[];
                        configuration_endpoint: string;
                        status_endpoint: string;
                        verification_endpoint: string;
                        authorization_schemes: {
                            spec_urn: string;
                        }[];
                        /** @enum {string} */
                        default_subjects: "ALL" | "NONE";
                    };
                };
            };
        };
    };
    getSsfStream: {
        parameters: {
            query?: {
                /** @description The stream's id (`stream_id`). */
                stream_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream's configuration, or a list of it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        stream_id: string;
                        /** @description Tessera's issuer: the `iss` of every SET. */
                        iss: string;
                        /** @description The receiver, as named in the `aud` of every SET. */
                        aud: string | string[];
                        delivery: {
                            /** @enum {string} */
                            method: "urn:ietf:rfc:8935" | "urn:ietf:rfc:8936";
                            /** @description Push: where Tessera posts SETs. Poll: where the receiver polls. */
                            endpoint_url: string;
                        };
                        events_supported: string[];
                        events_requested: string[];
                        events_delivered: string[];
                        min_verification_interval: number;
                        description?: string;
                    } | {
                        stream_id: string;
                        /** @description Tessera's issuer: the `iss` of every SET. */
                        iss: string;
                        /** @description The receiver, as named in the `aud` of every SET. */
                        aud: string | string[];
                        delivery: {
                            /** @enum {string} */
                            method: "urn:ietf:rfc:8935" | "urn:ietf:rfc:8936";
                            /** @description Push: where Tessera posts SETs. Poll: where the receiver polls. */
                            endpoint_url: string;
                        };
                        events_supported: string[];
                        events_requested: string[];
                        events_delivered: string[];
                        min_verification_interval: number;
                        description?: string;
                    }[];
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    putSsfStream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The stream's id (`stream_id`). */
                    stream_id: string;
                    events_requested?: string[];
                    description?: string;
                    delivery?: {
                        method: string;
                        endpoint_url?: string;
                        authorization_header?: string;
                    };
                    iss?: string;
                    aud?: string | string[];
                    events_supported?: string[];
                    events_delivered?: string[];
                    min_verification_interval?: number;
                    inactivity_timeout?: number;
                };
            };
        };
        responses: {
            /** @description A stream's configuration (SSF 1.0 Stream Configuration). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        stream_id: string;
                        /** @description Tessera's issuer: the `iss` of every SET. */
                        iss: string;
                        /** @description The receiver, as named in the `aud` of every SET. */
                        aud: string | string[];
                        delivery: {
                            /** @enum {string} */
                            method: "urn:ietf:rfc:8935" | "urn:ietf:rfc:8936";
                            /** @description Push: where Tessera posts SETs. Poll: where the receiver polls. */
                            endpoint_url: string;
                        };
                        events_supported: string[];
                        events_requested: string[];
                        events_delivered: string[];
                        min_verification_interval: number;
                        description?: string;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    postSsfStream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    deleteSsfStream: {
        parameters: {
            query: {
                /** @description The stream's id (`stream_id`). */
                stream_id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    patchSsfStream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The stream's id (`stream_id`). */
                    stream_id: string;
                    events_requested?: string[];
                    description?: string;
                    delivery?: {
                        method: string;
                        endpoint_url?: string;
                        authorization_header?: string;
                    };
                    iss?: string;
                    aud?: string | string[];
                    events_supported?: string[];
                    events_delivered?: string[];
                    min_verification_interval?: number;
                    inactivity_timeout?: number;
                };
            };
        };
        responses: {
            /** @description A stream's configuration (SSF 1.0 Stream Configuration). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        stream_id: string;
                        /** @description Tessera's issuer: the `iss` of every SET. */
                        iss: string;
                        /** @description The receiver, as named in the `aud` of every SET. */
                        aud: string | string[];
                        delivery: {
                            /** @enum {string} */
                            method: "urn:ietf:rfc:8935" | "urn:ietf:rfc:8936";
                            /** @description Push: where Tessera posts SETs. Poll: where the receiver polls. */
                            endpoint_url: string;
                        };
                        events_supported: string[];
                        events_requested: string[];
                        events_delivered: string[];
                        min_verification_interval: number;
                        description?: string;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    getSsfStatus: {
        parameters: {
            query: {
                /** @description The stream's id (`stream_id`). */
                stream_id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream's status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        stream_id: string;
                        /** @enum {string} */
                        status: "enabled" | "paused" | "disabled";
                        reason?: string;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    postSsfStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The stream's id (`stream_id`). */
                    stream_id: string;
                    /** @enum {string} */
                    status: "enabled" | "paused" | "disabled";
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The stream's status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        stream_id: string;
                        /** @enum {string} */
                        status: "enabled" | "paused" | "disabled";
                        reason?: string;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    postSsfVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The stream's id (`stream_id`). */
                    stream_id: string;
                    state?: string;
                };
            };
        };
        responses: {
            /** @description The verification SET will be sent. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
    postSsfPollStreamid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The stream's id (`stream_id`). */
                streamId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    maxEvents?: number;
                    returnImmediately?: boolean;
                    ack?: string[];
                    setErrs?: {
                        [key: string]: {
                            err: string;
                            description?: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description SETs not yet acknowledged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description SETs by their jti (compact JWS, `typ` secevent+jwt). */
                        sets: {
                            [key: string]: string;
                        };
                        moreAvailable?: boolean;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
            /** @description An error: RFC 8936's `err` and `description`, and Tessera's error envelope (docs/errors.md). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "invalid_encoding" | "payload_too_large" | "unsupported_media_type" | "unauthenticated" | "not_found" | "stream_exists" | "stream_disabled_by_operator" | "too_many_attempts" | "internal_error";
                        } & WithRequired<components["schemas"]["Error"], "code">;
                    };
                };
            };
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
