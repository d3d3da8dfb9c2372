import { Clock, ImageStore, PasswordHasher, TokenIssuer } from '@doctorly/core';
import { ContainerModule } from 'inversify';
import {
  FileSystemImageStore,
  JwtTokenIssuer,
  ScryptPasswordHasher,
  SystemClock,
  type ScryptCost,
} from '../adapters/index.js';

/** What {@link nodeModule} builds its adapters from. @category Modules */
export interface NodeModuleConfig {
  /** Folder of uploaded images ({@link FileSystemImageStore}). */
  readonly imageDir: string;
  /** scrypt parameters of {@link ScryptPasswordHasher}. */
  readonly scrypt: ScryptCost;
  /** HS256 signing key of {@link JwtTokenIssuer}, at least 32 characters. */
  readonly jwtSecret: string;
  readonly tokenTtlSeconds: number;
  /** The clock to bind; default {@link SystemClock} (tests pass a `ManualClock`). */
  readonly clock?: Clock;
}

/**
 * Binds the ports Node itself serves: {@link Clock}, {@link ImageStore} (files under
 * `imageDir`), {@link PasswordHasher} (scrypt) and {@link TokenIssuer} (JWT). Each adapter is
 * a singleton built on first resolution, so a host that rebinds one never builds it.
 * @example
 * ```ts
 * const container = new Container();
 * container.load(nodeModule({ imageDir: './images', scrypt: scryptCosts.owasp, jwtSecret, tokenTtlSeconds: 3600 }));
 * const hasher = container.get(PasswordHasher); // typed PasswordHasher
 * ```
 * @category Modules
 */
export function nodeModule(config: NodeModuleConfig): ContainerModule {
  return new ContainerModule((options) => {
    const clock = config.clock;
    options
      .bind(Clock)
      .toResolvedValue(() => clock ?? new SystemClock())
      .inSingletonScope();
    options
      .bind(ImageStore)
      .toResolvedValue(() => new FileSystemImageStore(config.imageDir))
      .inSingletonScope();
    options
      .bind(PasswordHasher)
      .toResolvedValue(() => new ScryptPasswordHasher(config.scrypt))
      .inSingletonScope();
    options
      .bind(TokenIssuer)
      .toResolvedValue(() => new JwtTokenIssuer(config.jwtSecret, config.tokenTtlSeconds))
      .inSingletonScope();
  });
}
