// Doctor profiles: the model and its rules, the repository, the profile use cases, the view.
export * from './doctor.js';
export * from './experience-years.js';
export * from './doctor-repository.js';
export * from './register-doctor.js';
export * from './get-current-doctor.js';
export * from './get-doctor.js';
export * from './list-doctors.js';
export * from './set-doctor-image.js';
export * from './add-qualifications.js';
export * from './add-specializations.js';
export * from './doctor-view.js';
export * from './to-doctor-view.js';
export * from './doctor-schemas.js';
