import type { DoctorView, Page, SpecializationView } from '@doctorly/core';

/**
 * Makes the image paths of views absolute with the public URL (`/static/doctors/x.jpg` →
 * `http://localhost:5000/static/doctors/x.jpg`), as the seed's doctor JSON has them. Core
 * keeps paths: only the host knows where it is reached.
 */
export class Presenter {
  constructor(private readonly publicUrl: string) {}

  image(path: string | null): string | null {
    if (path === null || /^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
    return `${this.publicUrl}${path.startsWith('/') ? '' : '/'}${path}`;
  }

  doctor(view: DoctorView): DoctorView {
    return { ...view, image: this.image(view.image) };
  }

  doctors(page: Page<DoctorView>): Page<DoctorView> {
    return { items: page.items.map((view) => this.doctor(view)), total: page.total };
  }

  specialization(view: SpecializationView): SpecializationView {
    return { ...view, image: this.image(view.image) };
  }
}

/** A JSON body with fields from the path merged in; a body that is not an object stays as is and fails validation. */
export function withPathFields(body: unknown, fields: Record<string, string | undefined>): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return { ...(body as Record<string, unknown>), ...fields };
}
