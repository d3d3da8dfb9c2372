// Accounts, credentials and tokens: the user model, its ports, then its use cases.
export * from './user.js';
export * from './user-repository.js';
export * from './password-hasher.js';
export * from './token-issuer.js';
export * from './token-revocation-store.js';
export * from './rate-limiter.js';
export * from './register-user.js';
export * from './create-admin.js';
export * from './issue-token.js';
export * from './revoke-token.js';
export * from './authenticate.js';
export * from './get-current-user.js';
export * from './identity-schemas.js';
