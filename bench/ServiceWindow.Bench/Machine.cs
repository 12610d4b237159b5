namespace ServiceWindow.Bench;

/// What the figures were measured on, for docs/benchmarks.md.
internal static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var cores = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").Count(l => l.StartsWith("processor", StringComparison.Ordinal)) : 0;
        return $"{cores} cores on the machine ({Environment.ProcessorCount} available to this process), CPU {cpu ?? "unknown"}, memory {memory ?? "unknown"}, .NET {Environment.Version}, {Environment.OSVersion}";
    }

    public static string FindRepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"{relative} not found above {Directory.GetCurrentDirectory()}");
    }
}
