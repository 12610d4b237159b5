using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Tests.Engine;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Persistence.Tests.Statistics;

/// Two small items on the shipped mainland calendar: a promised permit (5 working days promised, 10
/// statutory, up to 5 more by extension, a supplement pause) and an immediate certificate (0wd), with the
/// shipped complaint handling and inquiry referral.
public sealed class StatisticsCatalog : IWorkflowCatalog
{
    public const string Permit = "statistics-permit";
    public const string Counter = "statistics-counter";
    public const string Complaint = "complaint-handling";
    public const string Inquiry = "inquiry-referral";

    public static StatisticsCatalog Instance { get; } = new();

    private readonly DefinitionCatalog definitions = DefinitionCatalog.Load(
    [
        ("statistics-permit.json", """
            {
              "id": "statistics-permit", "version": 1,
              "name": { "zh": "统计测试许可", "en": "Statistics test permit" },
              "item": {
                "kind": "promised", "statutoryLimit": "10wd", "promisedLimit": "5wd", "maximumExtension": "5wd",
                "materials": [ { "id": "form", "name": { "zh": "申请表", "en": "Form" } } ],
                "legalBasis": "test definition for the statistics"
              },
              "start": [ { "id": "accept", "roles": ["clerk"], "inputs": ["window"], "target": "review", "handler": "actor" } ],
              "stages": [
                {
                  "id": "review", "name": { "zh": "审查", "en": "Review" }, "clock": "running",
                  "actions": [
                    { "id": "request_supplement", "kind": "requestSupplement", "roles": ["clerk"], "inputs": ["materials"], "target": "awaiting_materials" },
                    { "id": "request_extension", "kind": "requestExtension", "roles": ["clerk"], "inputs": ["extension", "reason"] },
                    { "id": "approve_extension", "kind": "approveExtension", "roles": ["leader"] },
                    { "id": "approve", "roles": ["clerk"], "target": "approved" }
                  ]
                },
                {
                  "id": "awaiting_materials", "name": { "zh": "等待补正", "en": "Awaiting materials" }, "clock": "paused",
                  "actions": [ { "id": "materials_received", "roles": ["clerk"], "target": "review" } ]
                },
                { "id": "approved", "name": { "zh": "准予", "en": "Approved" }, "clock": "stopped", "outcome": "approved" }
              ],
              "outcomes": [ { "id": "approved", "name": { "zh": "准予", "en": "Approved" } } ]
            }
            """),
        ("statistics-counter.json", """
            {
              "id": "statistics-counter", "version": 1,
              "name": { "zh": "统计测试即办", "en": "Statistics test counter" },
              "item": { "kind": "immediate", "statutoryLimit": "0wd", "promisedLimit": "0wd", "legalBasis": "test definition for the statistics" },
              "start": [ { "id": "receive", "roles": ["clerk"], "inputs": ["window"], "target": "checking", "handler": "actor" } ],
              "stages": [
                {
                  "id": "checking", "name": { "zh": "核对", "en": "Checking" }, "clock": "running",
                  "actions": [ { "id": "issue", "roles": ["clerk"], "target": "issued" } ]
                },
                { "id": "issued", "name": { "zh": "已发证", "en": "Issued" }, "clock": "stopped", "outcome": "issued" }
              ],
              "outcomes": [ { "id": "issued", "name": { "zh": "发证", "en": "Issued" } } ]
            }
            """),
        .. new[] { "complaint-handling.json", "inquiry-referral.json" }
            .Select(file => (file, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Engine", file)))),
    ]);

    public WorkingCalendar Calendar => TestCatalog.Instance.Calendar;

    public WorkflowDefinition Definition(string id, int version) => definitions.Get(id, version);

    public WorkflowDefinition Latest(string id) => definitions.Latest(id);
}
