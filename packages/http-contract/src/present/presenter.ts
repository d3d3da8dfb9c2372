import { deepFreeze, type DoctorView, type Page, type SpecializationView } from '@doctorly/core';

/**
 * Makes the image paths of views absolute with the public URL (`/static/doctors/x.jpg` →
 * `http://localhost:5000/static/doctors/x.jpg`), as the seed's doctor JSON has them. Core
 * keeps paths: only the host knows where it is reached.
 *
 * A frozen view is a cached one, shared by its readers (the `Cache` port's contract): its
 * presented form is made once and kept beside it (frozen as well) for as long as the view
 * lives, so that a hot read answers the same object each time, and the server's rendered
 * body of it (`answerJson`) is made once too.
 * @category Endpoints
 */
export class Presenter {
  private readonly doctorsPresented = new WeakMap<DoctorView, DoctorView>();
  private readonly pagesPresented = new WeakMap<Page<DoctorView>, Page<DoctorView>>();
  private readonly specializationsPresented = new WeakMap<SpecializationView, SpecializationView>();

  /** @param publicUrl Where clients reach the host (`https://api.example.com`), without a trailing slash. */
  constructor(private readonly publicUrl: string) {}

  /** A stored image path made absolute; `null` and absolute URLs stay as they are. */
  image(path: string | null): string | null {
    if (path === null || /^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
    return `${this.publicUrl}${path.startsWith('/') ? '' : '/'}${path}`;
  }

  /** A doctor with an absolute image URL. */
  doctor(view: DoctorView): DoctorView {
    return presentOnce(this.doctorsPresented, view, this.withAbsoluteImage);
  }

  /** A page of doctors, each presented. */
  doctors(page: Page<DoctorView>): Page<DoctorView> {
    return presentOnce(this.pagesPresented, page, this.presentPage);
  }

  /** A specialization with an absolute image URL. */
  specialization(view: SpecializationView): SpecializationView {
    return presentOnce(this.specializationsPresented, view, this.withAbsoluteImage);
  }

  // Made once, not per call: every read of a doctor comes through here.
  private readonly withAbsoluteImage = <V extends { readonly image: string | null }>(
    view: V,
  ): V => ({ ...view, image: this.image(view.image) });
  private readonly presentPage = (page: Page<DoctorView>): Page<DoctorView> => ({
    items: page.items.map((view) => this.doctor(view)),
    total: page.total,
  });
}

/** `present(value)`, made once per frozen (shared) value and kept with it; made each time for any other. */
function presentOnce<T extends object>(memo: WeakMap<T, T>, value: T, present: (value: T) => T): T {
  if (!Object.isFrozen(value)) return present(value);
  let presented = memo.get(value);
  if (presented === undefined) {
    presented = deepFreeze(present(value));
    memo.set(value, presented);
  }
  return presented;
}
