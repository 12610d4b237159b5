namespace ServiceWindow.Host.Pages.Desk;

/// A case taken at the desk: its receipt and the lookup secret that only the notice printed now shows.
public sealed record DeskOutcome(Guid CaseId, string ReceiptNumber, string LookupSecret, DeskDecision Decision);
