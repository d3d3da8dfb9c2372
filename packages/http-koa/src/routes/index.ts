import type { RouteDeps } from './deps.js';
import { appointmentRoutes } from './appointment-routes.js';
import { authRoutes } from './auth-routes.js';
import { doctorRoutes } from './doctor-routes.js';
import { miscRoutes } from './misc-routes.js';
import { opsRoutes } from './ops-routes.js';
import { patientRoutes } from './patient-routes.js';
import type { RouteDefinition } from './route.js';
import { sittingRoutes } from './sitting-routes.js';
import { userRoutes } from './user-routes.js';

/** Every endpoint of the server, by area, in the order they are documented. */
export function allRoutes(deps: RouteDeps, openApiJson: () => string): RouteDefinition[] {
  return [
    ...authRoutes(deps),
    ...userRoutes(deps),
    ...doctorRoutes(deps),
    ...patientRoutes(deps),
    ...appointmentRoutes(deps),
    ...sittingRoutes(deps),
    ...miscRoutes(deps),
    ...opsRoutes(deps, openApiJson),
  ];
}
