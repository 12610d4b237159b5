using System.Security.Cryptography;
using System.Text;

namespace ServiceWindow.Persistence.Migrations;

/// A numbered SQL file. The checksum is taken over the text with line endings normalised, so a
/// checkout on another platform does not look like an edit.
public sealed record Migration
{
    public Migration(string name, string sql)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(sql);
        Name = name;
        Sql = sql;
        Checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
    }

    public string Name { get; }
    public string Sql { get; }
    public string Checksum { get; }
}
