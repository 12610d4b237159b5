using System.Reflection;

namespace ServiceWindow.Workflows.Tests;

public sealed class AssemblyPurityTests
{
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
}
