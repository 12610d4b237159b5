using System.Reflection;

namespace ServiceWindow.Persistence.Migrations;

/// The migrations compiled into this assembly (`Migrations/*.sql`), in file-name order.
public static class EmbeddedMigrations
{
    private const string Prefix = "Migrations.";

    public static IReadOnlyList<Migration> All { get; } = Load();

    private static IReadOnlyList<Migration> Load()
    {
        var assembly = typeof(EmbeddedMigrations).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return new Migration(name[Prefix.Length..], reader.ReadToEnd());
            })
            .ToList();
    }
}
