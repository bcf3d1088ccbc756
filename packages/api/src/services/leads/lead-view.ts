import type { Prisma } from "@booking/db";

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

export type LeadView = Prisma.LeadGetPayload<{ select: typeof leadSelect }>;

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

export type LeadListItem = Prisma.LeadGetPayload<{ select: typeof leadListSelect }>;
