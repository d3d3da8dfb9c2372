export { ScryptPasswordHasher, scryptCosts, type ScryptCost } from './scrypt-password-hasher.js';
export { JwtTokenIssuer } from './jwt-token-issuer.js';
export { FileSystemImageStore } from './file-system-image-store.js';
export { SystemClock } from './system-clock.js';
