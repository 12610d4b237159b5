using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Workflows.Tests.Statistics;

/// A small promised item for the statistics: 5 working days promised, 10 statutory, up to 5 more by
/// extension; the clock runs while in review and stands still while materials are awaited.
public static class StatisticsPermit
{
    public const string Json = """
        {
          "id": "statistics-permit",
          "version": 1,
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
                { "id": "take", "roles": ["handler"], "handler": "actor" },
                { "id": "request_supplement", "kind": "requestSupplement", "roles": ["clerk", "handler"], "inputs": ["materials"], "target": "awaiting_materials" },
                { "id": "request_extension", "kind": "requestExtension", "roles": ["handler", "clerk"], "inputs": ["extension", "reason"] },
                { "id": "approve_extension", "kind": "approveExtension", "roles": ["leader"] },
                { "id": "approve", "roles": ["clerk", "handler"], "target": "approved" }
              ]
            },
            {
              "id": "awaiting_materials", "name": { "zh": "等待补正", "en": "Awaiting materials" }, "clock": "paused",
              "actions": [ { "id": "materials_received", "roles": ["clerk", "handler"], "target": "review" } ]
            },
            { "id": "approved", "name": { "zh": "准予", "en": "Approved" }, "clock": "stopped", "outcome": "approved" }
          ],
          "outcomes": [ { "id": "approved", "name": { "zh": "准予", "en": "Approved" } } ]
        }
        """;

    public static WorkflowDefinition Definition { get; } = DefinitionLoader.Load("statistics-permit.json", Json);
}
