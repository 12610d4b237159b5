using System.Text.Json;
using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// Reads cases' facts from their stored history, for the projector and for the verification of a
/// closed month, so both derive them alike. Item codes and departments come from the catalogue
/// tables, which are small and read once per use.
internal sealed class CaseFactsSource
{
    private readonly IWorkflowCatalog catalog;
    private readonly Dictionary<string, string> departmentOfItem;
    private readonly Dictionary<string, string> itemOfDefinition;
    private readonly Dictionary<string, string> departmentOfWindow;

    private CaseFactsSource(IWorkflowCatalog catalog, IEnumerable<(string Code, string Department, string Definition)> items,
        IEnumerable<(string Window, string Department)> windows)
    {
        this.catalog = catalog;
        departmentOfItem = new(StringComparer.Ordinal);
        itemOfDefinition = new(StringComparer.Ordinal);
        foreach (var (code, department, definition) in items)
        {
            departmentOfItem[code] = department;
            itemOfDefinition.TryAdd(definition, code);
        }
        departmentOfWindow = windows.ToDictionary(w => w.Window, w => w.Department, StringComparer.Ordinal);
    }

    public static async Task<CaseFactsSource> LoadAsync(NpgsqlConnection connection, IWorkflowCatalog catalog, CancellationToken cancellationToken)
    {
        var items = await connection.QueryAsync<(string, string, string)>(new CommandDefinition(
            "select code, department_id, definition_id from service_items order by code", cancellationToken: cancellationToken));
        var windows = await connection.QueryAsync<(string, string)>(new CommandDefinition(
            "select id, department_id from windows", cancellationToken: cancellationToken));
        return new CaseFactsSource(catalog, items, windows);
    }

    /// The facts of each case read from its first `length` history entries.
    public async Task<List<CaseFacts>> ReadAsync(
        NpgsqlConnection connection, IReadOnlyList<(Guid CaseId, int Length)> cases, CancellationToken cancellationToken)
    {
        if (cases.Count == 0)
        {
            return [];
        }
        var ids = cases.Select(c => c.CaseId).ToArray();
        var lengths = cases.Select(c => c.Length).ToArray();
        // Each entry carries its case's head columns: one read per batch rather than two.
        var rows = await connection.QueryAsync<(Guid CaseId, string DefinitionId, int DefinitionVersion, string? ItemCode, int Sequence, string Kind,
            string? ActorId, DateTime At, string? Action, string? FromStage, string? ToStage, string Payload)>(
            new CommandDefinition(
                """
                select h.case_id, c.definition_id, c.definition_version, c.service_item_code,
                       h.sequence, h.kind, h.actor_id, h.at, h.action, h.from_stage, h.to_stage, h.payload::text
                from unnest(@ids, @lengths) as m (case_id, length)
                join cases c on c.id = m.case_id
                join case_history h on h.case_id = m.case_id and h.sequence <= m.length
                order by h.case_id, h.sequence
                """,
                new { ids, lengths }, cancellationToken: cancellationToken));
        var facts = new List<CaseFacts>(cases.Count);
        foreach (var group in rows.GroupBy(r => r.CaseId))
        {
            var head = group.First();
            var entries = group.Select(r =>
            {
                var payload = JsonSerializer.Deserialize<HistoryPayload>(r.Payload, CaseStateJson.Options)
                    ?? throw new JsonException($"history entry {r.Sequence} of case {r.CaseId} has no payload");
                return new HistoryEntry(r.Sequence, r.Kind, r.ActorId ?? "", new DateTimeOffset(r.At, TimeSpan.Zero), r.Action,
                    r.FromStage, r.ToStage, payload.Data ?? new Dictionary<string, string>(), payload.Clock);
            }).ToList();
            var definition = catalog.Definition(head.DefinitionId, head.DefinitionVersion);
            // The case's code when the catalogue knows it, else the catalogue item running its definition.
            var itemCode = head.ItemCode is { } code && departmentOfItem.ContainsKey(code)
                ? code
                : itemOfDefinition.GetValueOrDefault(head.DefinitionId) ?? head.ItemCode;
            var window = entries[0].Data.GetValueOrDefault(CaseFactsReader.WindowInput);
            var department = (itemCode is null ? null : departmentOfItem.GetValueOrDefault(itemCode))
                ?? (window is null ? null : departmentOfWindow.GetValueOrDefault(window));
            facts.Add(CaseFactsReader.Read(group.Key, entries, definition, catalog.Calendar, itemCode, department, departmentOfWindow));
        }
        return facts;
    }
}
