let dockerAvailable: Promise<boolean> | undefined;

/**
 * Whether testcontainers finds a container runtime. Asked once per test process: without
 * Docker, testcontainers throws within milliseconds (shared/STACK.md, trap 9).
 */
export function hasDocker(): Promise<boolean> {
  dockerAvailable ??= import('testcontainers')
    .then(async ({ getContainerRuntimeClient }) => {
      await getContainerRuntimeClient();
      return true;
    })
    .catch(() => false);
  return dockerAvailable;
}
