// Compiled by `npm run typecheck` (never run): proves that a port's token carries its type
// through inversify, so a wrong binding or a wrong resolved type does not compile.
import { Cache, UnitOfWork, type ImageStore } from '@doctorly/core';
import { Container } from 'inversify';
import { useCaseIdentifier, type UseCases } from './use-cases.js';

const container = new Container();

export const uow: UnitOfWork = container.get(UnitOfWork);
export const book: UseCases['bookAppointment'] = container.get(
  useCaseIdentifier('bookAppointment'),
);

declare const images: ImageStore;
// @ts-expect-error an ImageStore is not a Cache
container.bind(Cache).toConstantValue(images);

// @ts-expect-error the token of UnitOfWork does not resolve to a Cache
export const wrong: Cache = container.get(UnitOfWork);

/* eslint-disable no-restricted-syntax -- the very call the lint rule forbids, proved wrong by the compiler too */
// @ts-expect-error an explicit type argument cannot override the token's type either
container.get<ImageStore>(Cache);
/* eslint-enable no-restricted-syntax */

// @ts-expect-error a factory must build what the token names, from what its injections name
container.bind(Cache).toResolvedValue((unitOfWork) => unitOfWork, [UnitOfWork]);
