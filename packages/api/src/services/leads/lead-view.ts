import type { AppointmentStatus, LeadSource } from "@booking/db";

export const leadSelect = {
  id: true,
  clientId: true,
  name: true,
  email: true,
  phone: true,
  source: true,
  appointmentStatus: true,
  appointmentStartAt: true,
  appointmentEndAt: true,
  appointmentBookedAt: true,
  appointmentCanceledAt: true,
  appointmentCancelReason: true,
  appointmentCanceledBy: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type LeadView = {
  id: string;
  clientId: string;
  name: string;
  email: string;
  phone: string | null;
  source: LeadSource;
  appointmentStatus: AppointmentStatus;
  appointmentStartAt: Date | null;
  appointmentEndAt: Date | null;
  appointmentBookedAt: Date | null;
  appointmentCanceledAt: Date | null;
  appointmentCancelReason: string | null;
  appointmentCanceledBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export const leadListSelect = {
  id: true,
  name: true,
  email: true,
  source: true,
  appointmentStatus: true,
  appointmentStartAt: true,
  appointmentEndAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type LeadListItem = Omit<LeadView, "clientId" | "phone" | "appointmentBookedAt" | "appointmentCanceledAt" | "appointmentCancelReason" | "appointmentCanceledBy">;
