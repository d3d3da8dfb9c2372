import type { Qualification, Specialization } from './catalog.js';

/** A catalog specialization as the API shows it. @category Views */
export interface SpecializationView {
  id: number;
  name: string;
  /** Public path of its image, or `null`. */
  image: string | null;
}

/** A catalog qualification as the API shows it. @category Views */
export interface QualificationView {
  id: number;
  name: string;
}

/** The API view of a specialization. @category Views */
export function toSpecializationView(specialization: Specialization): SpecializationView {
  return { id: specialization.id, name: specialization.name, image: specialization.image };
}

/** The API view of a qualification. @category Views */
export function toQualificationView(qualification: Qualification): QualificationView {
  return { id: qualification.id, name: qualification.name };
}
