namespace ServiceWindow.Web.Tests.Security;

/// What <see cref="HostileOffice.SeedAsync"/> planted, for the pages that need to be told where to look.
public sealed record HostileCase(Guid Id, string ReceiptNumber, string LookupSecret, Guid RefusedId, string JobId);
