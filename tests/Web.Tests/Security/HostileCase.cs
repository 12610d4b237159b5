namespace ServiceWindow.Web.Tests.Security;

/// What <see cref="HostileOffice.SeedAsync"/> planted, for the pages that need to be told where to look:
/// the hostile definition's case, the refused one, the job, an allowance case with an approved
/// extension, one with an extension waiting for a leader, one waiting for materials, and a referred inquiry.
public sealed record HostileCase(Guid Id, string ReceiptNumber, string LookupSecret, Guid RefusedId, string JobId,
    Guid ExtendedId, Guid PendingExtensionId, Guid SupplementId, Guid InquiryId);
