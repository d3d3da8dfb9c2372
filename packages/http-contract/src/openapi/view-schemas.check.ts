// Compile-time checks that the documented response schemas match core's view types, so a
// view that changes in core fails the typecheck until its schema here follows.
import type {
  AppointmentHistoryView,
  AppointmentView,
  CancelledSittingView,
  DoctorView,
  PatientView,
  QualificationView,
  RatingView,
  SittingBoardView,
  SittingQueueView,
  SlotView,
  SpecializationView,
  TimingView,
  TokenView,
  UserView,
  WaitlistEntryView,
} from '@doctorly/core';
import type { z } from 'zod';
import type * as S from './view-schemas.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;

export type ViewSchemaChecks = [
  Check<Same<z.output<typeof S.UserViewSchema>, UserView>>,
  Check<Same<z.output<typeof S.SlotViewSchema>, SlotView>>,
  Check<Same<z.output<typeof S.DoctorViewSchema>, DoctorView>>,
  Check<Same<z.output<typeof S.PatientViewSchema>, PatientView>>,
  Check<Same<z.output<typeof S.AppointmentViewSchema>, AppointmentView>>,
  Check<Same<z.output<typeof S.AppointmentHistoryViewSchema>, AppointmentHistoryView>>,
  Check<Same<z.output<typeof S.TimingViewSchema>, TimingView>>,
  Check<Same<z.output<typeof S.SittingQueueViewSchema>, SittingQueueView>>,
  Check<Same<z.output<typeof S.CancelledSittingViewSchema>, CancelledSittingView>>,
  Check<Same<z.output<typeof S.SittingBoardViewSchema>, SittingBoardView>>,
  Check<Same<z.output<typeof S.RatingViewSchema>, RatingView>>,
  Check<Same<z.output<typeof S.TokenViewSchema>, TokenView>>,
  Check<Same<z.output<typeof S.SpecializationViewSchema>, SpecializationView>>,
  Check<Same<z.output<typeof S.QualificationViewSchema>, QualificationView>>,
  Check<Same<z.output<typeof S.WaitlistEntryViewSchema>, WaitlistEntryView>>,
];
