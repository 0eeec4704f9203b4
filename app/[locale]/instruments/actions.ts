"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action-client";
import { fieldError } from "@/lib/errors";
import { fileBytes, uploadedFilesSchema } from "@/lib/forms/form-files";
import {
  acceptProposal,
  approveBooking,
  attachBookingReport,
  cancelBooking,
  declineBooking,
  markNoShow,
  proposeSlot,
  rateBooking,
  recordUse,
  requestBooking,
} from "@/lib/instruments/bookings";
import { importInstrumentsFile } from "@/lib/instruments/import";
import { addClosure, createInstrument, setInstrumentStatus, updateInstrument } from "@/lib/instruments/instruments";
import { addPartner, removePartner } from "@/lib/instruments/partners";
import { addInstrumentPhotos, deleteInstrumentPhoto } from "@/lib/instruments/photos";
import {
  attachReportSchema,
  bookingRefSchema,
  bookingRequestSchema,
  cancelBookingSchema,
  closureSchema,
  declineBookingSchema,
  instrumentSchema,
  partnerSchema,
  proposeSlotSchema,
  removePartnerSchema,
  rateBookingSchema,
  recordUseFormSchema,
  updateInstrumentSchema,
} from "@/lib/instruments/schemas";

// Every instrument action goes through the action client: actor, policy, schema, errors in the
// reader's language, revalidation. Services check the rest against the rows (ownership in where).

export const createInstrumentAction = memberAction
  .schema(instrumentSchema)
  .authorize("instrument.create")
  .action(async ({ actor, input, locale }) => {
    const { id } = await createInstrument(actor, input);
    redirect(`/${locale}/instruments/${id}`);
  });

export const updateInstrumentAction = memberAction
  .schema(updateInstrumentSchema)
  .success("instruments.form.saved")
  .revalidate((i) => `/instruments/${i.instrumentId}`)
  .action(async ({ actor, input }) => {
    const { instrumentId, version, ...rest } = input;
    await updateInstrument(actor, instrumentId, version, rest);
  });

export const setInstrumentStatusAction = memberAction
  .schema(z.object({ instrumentId: z.string().min(1), status: z.enum(["ACTIVE", "RETIRED"]) }))
  .revalidate("/instruments/manage")
  .action(async ({ actor, input }) => setInstrumentStatus(actor, input.instrumentId, input.status));

export const addClosureAction = memberAction
  .schema(closureSchema)
  .success("instruments.detail.closureAdded")
  .revalidate((i) => `/instruments/${i.instrumentId}`)
  .action(async ({ actor, input }) => addClosure(actor, input.instrumentId, input));

export const requestBookingAction = memberAction
  .schema(bookingRequestSchema)
  .success("instruments.book.requested")
  .revalidate((i) => `/instruments/${i.instrumentId}`)
  .revalidate("/instruments/bookings")
  .action(async ({ actor, input }) => {
    const { id } = await requestBooking(actor, input);
    return { bookingId: id };
  });

const paths = ["/instruments/manage", "/instruments/bookings"];
const withPaths = <B extends { revalidate: (p: string) => B }>(b: B) => paths.reduce((acc, p) => acc.revalidate(p), b);

export const approveBookingAction = withPaths(memberAction.schema(bookingRefSchema).success("instruments.manage.approved")).action(async ({ actor, input }) =>
  approveBooking(actor, input),
);
export const declineBookingAction = withPaths(memberAction.schema(declineBookingSchema).success("instruments.manage.declined")).action(
  async ({ actor, input }) => declineBooking(actor, input),
);
export const proposeSlotAction = withPaths(memberAction.schema(proposeSlotSchema).success("instruments.manage.proposed")).action(async ({ actor, input }) =>
  proposeSlot(actor, input),
);
// The test report is an optional file of the same form (the first one if several were chosen).
export const recordUseAction = withPaths(memberAction.schema(recordUseFormSchema).success("instruments.manage.recorded")).action(
  async ({ actor, input: { report, ...input } }) => recordUse(actor, { ...input, report: (await fileBytes(report.slice(0, 1)))[0] }),
);
export const attachReportAction = withPaths(memberAction.schema(attachReportSchema).success("instruments.manage.reportAttached")).action(
  async ({ actor, input }) => {
    const [report] = await fileBytes(input.report.slice(0, 1));
    if (!report) throw fieldError("report", "v.noFile");
    await attachBookingReport(actor, { bookingId: input.bookingId, report });
  },
);
export const markNoShowAction = withPaths(memberAction.schema(bookingRefSchema).success("instruments.manage.noShow")).action(async ({ actor, input }) =>
  markNoShow(actor, input),
);
export const cancelBookingAction = withPaths(memberAction.schema(cancelBookingSchema).success("instruments.bookings.cancelled")).action(
  async ({ actor, input }) => cancelBooking(actor, input),
);
export const acceptProposalAction = withPaths(memberAction.schema(bookingRefSchema).success("instruments.bookings.accepted")).action(async ({ actor, input }) =>
  acceptProposal(actor, input),
);
export const rateBookingAction = withPaths(memberAction.schema(rateBookingSchema).success("instruments.bookings.rated")).action(async ({ actor, input }) =>
  rateBooking(actor, input),
);

export const addPhotosAction = memberAction
  .schema(z.object({ instrumentId: z.string().min(1), photos: uploadedFilesSchema }))
  .success("instruments.photos.added")
  .revalidate((i) => `/instruments/${i.instrumentId}`)
  .revalidate((i) => `/instruments/${i.instrumentId}/edit`)
  .revalidate("/instruments")
  .action(async ({ actor, input }) => {
    await addInstrumentPhotos(actor, input.instrumentId, await fileBytes(input.photos));
  });

export const deletePhotoAction = memberAction
  .schema(z.object({ photoId: z.string().min(1), instrumentId: z.string().min(1) }))
  .success("instruments.photos.deleted")
  .revalidate((i) => `/instruments/${i.instrumentId}`)
  .revalidate((i) => `/instruments/${i.instrumentId}/edit`)
  .action(async ({ actor, input }) => {
    await deleteInstrumentPhoto(actor, input.photoId);
  });

export const addPartnerAction = memberAction
  .schema(partnerSchema)
  .success("instruments.partners.added")
  .revalidate("/instruments/partners")
  .revalidate("/instruments/manage")
  .action(async ({ actor, input }) => {
    await addPartner(actor, input);
  });

export const removePartnerAction = memberAction
  .schema(removePartnerSchema)
  .success("instruments.partners.removed")
  .revalidate("/instruments/partners")
  .revalidate("/instruments/manage")
  .action(async ({ actor, input }) => {
    await removePartner(actor, input.partnerOrganisationId);
  });

const importSchema = z.object({
  file: z.instanceof(File, { error: "v.noFile" }).refine((f) => f.size > 0, { error: "v.noFile" }),
  mode: z.enum(["validate", "all-or-nothing", "valid-only"]).default("validate"),
});
export const importInstrumentsAction = memberAction
  .schema(importSchema)
  .authorize("instrument.import")
  .revalidate("/instruments/manage")
  .action(async ({ actor, input, locale }) => {
    const out = await importInstrumentsFile(actor, { name: input.file.name, bytes: new Uint8Array(await input.file.arrayBuffer()) }, input.mode, locale);
    return { outcome: JSON.stringify(out) };
  });
