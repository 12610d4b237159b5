namespace ServiceWindow.Persistence.Queries;

/// A `cases` row as every case list selects it (<see cref="Columns"/>, over the alias `c`), read
/// into a <see cref="CaseSummary"/>. The read queries differ in which cases they pick, never in how
/// a case reads.
internal class CaseSummaryRow
{
    public const string Columns =
        """
        c.id as Id, c.definition_id as DefinitionId, c.definition_version as DefinitionVersion, c.stage as Stage, c.version as Version,
        c.history_length as HistoryLength, c.history_head as HistoryHead, c.first_inquiry_owner as FirstInquiryOwner,
        c.handler_id as HandlerId, c.window_id as WindowId, c.receipt_number as ReceiptNumber,
        c.accepted_at as AcceptedAt, c.promised_deadline as PromisedDue, c.statutory_deadline as StatutoryDue,
        c.warning_level as WarningLevel, c.completed_at as CompletedAt, c.created_at as CreatedAt, c.state::text as StateJson
        """;

    public Guid Id { get; init; }
    public string DefinitionId { get; init; } = "";
    public int DefinitionVersion { get; init; }
    public string Stage { get; init; } = "";
    public long Version { get; init; }
    public int HistoryLength { get; init; }
    public string? HistoryHead { get; init; }
    public string? FirstInquiryOwner { get; init; }
    public string? HandlerId { get; init; }
    public string? WindowId { get; init; }
    public string? ReceiptNumber { get; init; }
    public DateTime? AcceptedAt { get; init; }
    public DateTime? PromisedDue { get; init; }
    public DateTime? StatutoryDue { get; init; }
    public string WarningLevel { get; init; } = "";
    public DateTime? CompletedAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public string StateJson { get; init; } = "";

    public CaseSummary ToSummary() => new(Id, DefinitionId, DefinitionVersion, Stage, Version, HistoryLength, HistoryHead, FirstInquiryOwner,
        HandlerId, WindowId, ReceiptNumber, Utc(AcceptedAt), Utc(PromisedDue), Utc(StatutoryDue), WarningLevel, Utc(CompletedAt),
        Utc(CreatedAt), StateJson);

    // Npgsql reads timestamptz as UTC DateTime; the summaries carry instants.
    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
