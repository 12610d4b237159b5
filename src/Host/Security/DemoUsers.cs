using System.Security.Cryptography;
using System.Text;
using ServiceWindow.Persistence.Users;

namespace ServiceWindow.Host.Security;

/// One sign-in account per role for the demo office, with generated passwords, written once to a
/// tab-separated file (login, password, roles). Accounts that exist are left alone, so a second
/// start prints nothing new and keeps the file.
public sealed class DemoUsers(UserAccounts accounts, UserStore store)
{
    // The demo organisation's person for each role (src/Host/Demo/DemoOrganisation.cs).
    private static readonly (string Login, string Role)[] People =
    [
        ("liu.yang", StaffRoles.Clerk), ("wang.fang", StaffRoles.Handler), ("chen.jing", StaffRoles.SectionChief),
        ("sun.min", StaffRoles.Leader), ("zhou.qiang", StaffRoles.EfficiencyOffice), ("admin", StaffRoles.Admin),
    ];

    /// Creates the accounts that are missing and returns the lines written (empty when all existed).
    public async Task<IReadOnlyList<string>> CreateAsync(string filePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var existing = (await accounts.ListAsync(cancellationToken)).Select(u => u.Login).ToHashSet();
        var lines = new List<string>();
        foreach (var (login, _) in People)
        {
            if (existing.Contains(login) || await store.FindStaffAsync(login, cancellationToken) is not { } person)
            {
                continue;
            }
            var password = Password();
            await accounts.AddAsync(login, person.Name, person.Roles, password, cancellationToken: cancellationToken);
            lines.Add($"{login}\t{password}\t{string.Join(',', person.Roles)}");
        }
        if (lines.Count > 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(filePath))!);
            await File.AppendAllLinesAsync(filePath, lines, new UTF8Encoding(false), cancellationToken);
        }
        return lines;
    }

    // 12 characters from a 56-letter alphabet without look-alikes: about 70 bits.
    private static string Password()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 12);
    }
}
