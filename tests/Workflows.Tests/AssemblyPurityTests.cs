using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests;

public sealed class AssemblyPurityTests
{
    // What the build bans (src/Workflows/BannedSymbols.txt), as the compiled code would reference it.
    private static readonly (string Type, string Member)[] BannedMembers =
    [
        ("System.DateTime", "get_Now"),
        ("System.DateTime", "get_UtcNow"),
        ("System.DateTime", "get_Today"),
        ("System.DateTimeOffset", "get_Now"),
        ("System.DateTimeOffset", "get_UtcNow"),
        ("System.Guid", "NewGuid"),
        ("System.TimeZoneInfo", "FindSystemTimeZoneById"),
    ];

    private static readonly string[] BannedSymbolIds =
    [
        "P:System.DateTime.Now", "P:System.DateTime.UtcNow", "P:System.DateTime.Today",
        "P:System.DateTimeOffset.Now", "P:System.DateTimeOffset.UtcNow", "N:System.IO", "T:System.Environment",
        "T:System.Console", "M:System.Guid.NewGuid", "M:System.TimeZoneInfo.FindSystemTimeZoneById(System.String)",
    ];

    // The domain stays free of I/O and infrastructure: its references are the BCL only.
    [Fact]
    public void WorkflowsAssembly_ReferencesNoInfrastructure()
    {
        var references = Assembly.Load("ServiceWindow.Workflows")
            .GetReferencedAssemblies()
            .Select(a => a.Name!)
            .ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Npgsql", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Dapper", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Quartz", StringComparison.Ordinal));
    }

    [Fact]
    public void WorkflowsAssembly_CallsNoBannedMember_AndUsesNoSystemIoConsoleOrEnvironmentType()
    {
        using var pe = new PEReader(File.OpenRead(typeof(WorkflowEngine).Assembly.Location));
        var metadata = pe.GetMetadataReader();
        var types = metadata.TypeReferences.Select(h => metadata.GetTypeReference(h))
            .Select(t => (Namespace: metadata.GetString(t.Namespace), Name: metadata.GetString(t.Name)))
            .ToList();
        var members = new List<(string Type, string Member)>();
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference)
            {
                var parent = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
                members.Add(($"{metadata.GetString(parent.Namespace)}.{metadata.GetString(parent.Name)}", metadata.GetString(member.Name)));
            }
        }

        Assert.Contains(members, m => m.Type == "System.TimeZoneInfo");
        Assert.Empty(members.Intersect(BannedMembers));
        Assert.DoesNotContain(types, t => t.Namespace == "System.IO" || t.Namespace.StartsWith("System.IO.", StringComparison.Ordinal));
        Assert.DoesNotContain(types, t => t is ("System", "Console"));
        // Compiler-generated iterators read the thread id; nothing else of Environment may appear.
        Assert.DoesNotContain(members, m => m.Type == "System.Environment" && m.Member != "get_CurrentManagedThreadId");
    }

    [Fact]
    public void WorkflowsProject_FailsTheBuildOnEveryBannedSymbol_AndHasNoImplicitUsings()
    {
        var folder = Path.Combine(WorkflowFiles.Folder, "..", "src", "Workflows");
        var project = XDocument.Load(Path.Combine(folder, "ServiceWindow.Workflows.csproj"));
        var banned = File.ReadAllLines(Path.Combine(folder, "BannedSymbols.txt")).Select(l => l.Split(';')[0].Trim()).ToHashSet();

        Assert.Contains(project.Descendants("PackageReference"), p => (string?)p.Attribute("Include") == "Microsoft.CodeAnalysis.BannedApiAnalyzers");
        Assert.Contains(project.Descendants("AdditionalFiles"), f => (string?)f.Attribute("Include") == "BannedSymbols.txt");
        Assert.Equal("disable", project.Descendants("ImplicitUsings").Single().Value);
        Assert.Empty(BannedSymbolIds.Except(banned));
    }
}
