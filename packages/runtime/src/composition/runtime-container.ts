import {
  Container,
  type BindToFluentSyntax,
  type BindingIdentifier,
  type ContainerModule,
  type ServiceIdentifier,
} from 'inversify';

/**
 * The inversify container of a runtime. It is open while {@link createRuntime} loads the
 * modules and runs the embedder's `configure` hook, then sealed before anything is
 * resolved: from then on, every change to a binding throws.
 *
 * Why refuse instead of allowing it: adapters and use cases are singletons built on first
 * resolution, and `createRuntime` resolves them as it starts (migrations, catalog seed), so a
 * port rebound afterwards would reach only what was not built yet: some use cases would
 * get the new adapter and some the old one. Rebind in `configure`, where every use case
 * gets the new one. Adding a binding for an identifier not bound yet stays allowed.
 * @category Composition
 */
export class RuntimeContainer extends Container {
  private sealed = false;

  /** Refuses every later change of a binding (called by {@link createRuntime}). */
  seal(): void {
    this.sealed = true;
  }

  /** Whether {@link seal} was called. */
  get isSealed(): boolean {
    return this.sealed;
  }

  override bind<T>(serviceIdentifier: ServiceIdentifier<T>): BindToFluentSyntax<T> {
    if (this.sealed && this.isBound(serviceIdentifier))
      this.refuse('bind a second adapter to', serviceIdentifier);
    return super.bind(serviceIdentifier);
  }

  override rebind<T>(serviceIdentifier: ServiceIdentifier<T>): BindToFluentSyntax<T> {
    if (this.sealed) this.refuse('rebind', serviceIdentifier);
    return super.rebind(serviceIdentifier);
  }

  override rebindAsync<T>(serviceIdentifier: ServiceIdentifier<T>): Promise<BindToFluentSyntax<T>> {
    if (this.sealed) this.refuse('rebind', serviceIdentifier);
    return super.rebindAsync(serviceIdentifier);
  }

  override unbind(identifier: BindingIdentifier | ServiceIdentifier): void {
    if (this.sealed) this.refuse('unbind', identifier);
    super.unbind(identifier);
  }

  override unbindAsync(identifier: BindingIdentifier | ServiceIdentifier): Promise<void> {
    if (this.sealed) this.refuse('unbind', identifier);
    return super.unbindAsync(identifier);
  }

  override unbindAll(): void {
    if (this.sealed) this.refuse('unbind everything of');
    super.unbindAll();
  }

  override unbindAllAsync(): Promise<void> {
    if (this.sealed) this.refuse('unbind everything of');
    return super.unbindAllAsync();
  }

  // A module may rebind or unbind inside its load function, out of these methods' sight.
  override load(...modules: ContainerModule[]): void {
    if (this.sealed) this.refuse('load a module into');
    super.load(...modules);
  }

  override loadAsync(...modules: ContainerModule[]): Promise<void> {
    if (this.sealed) this.refuse('load a module into');
    return super.loadAsync(...modules);
  }

  override unload(...modules: ContainerModule[]): void {
    if (this.sealed) this.refuse('unload a module from');
    super.unload(...modules);
  }

  override unloadAsync(...modules: ContainerModule[]): Promise<void> {
    if (this.sealed) this.refuse('unload a module from');
    return super.unloadAsync(...modules);
  }

  override restore(): void {
    if (this.sealed) this.refuse('restore a snapshot of');
    super.restore();
  }

  private refuse(what: string, identifier?: BindingIdentifier | ServiceIdentifier): never {
    const name = identifier === undefined ? '' : ` (${describe(identifier)})`;
    throw new Error(
      `Cannot ${what} the runtime's container once it is composed${name}: adapters and use cases may already ` +
        'be built from the old binding. Rebind in the `configure` option of createRuntime.',
    );
  }
}

function describe(identifier: BindingIdentifier | ServiceIdentifier): string {
  if (typeof identifier === 'symbol') return identifier.description ?? 'a symbol';
  if (typeof identifier === 'function') return identifier.name;
  return typeof identifier === 'string' ? identifier : 'a binding';
}
