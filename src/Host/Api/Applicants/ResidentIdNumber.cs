using System.Globalization;

namespace ServiceWindow.Host.Api.Applicants;

/// The 18-character resident identity number of GB 11643-1999: six digits of region, the birth
/// date as yyyyMMdd, three digits of sequence, and a check character (ISO 7064 MOD 11-2).
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// True for a well-formed number whose check character matches and whose birth date is a real
    /// day between 1900-01-01 and <paramref name="today"/>. A lowercase `x` is accepted.
    public static bool IsValid(string? value, DateOnly today)
    {
        if (value is not { Length: 18 } || value[0] == '0')
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
            sum += (value[i] - '0') * Weights[i];
        }
        if (char.ToUpperInvariant(value[17]) != CheckCharacters[sum % 11])
        {
            return false;
        }
        return DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
               && birth >= new DateOnly(1900, 1, 1) && birth <= today;
    }

    /// The number as stored: the check character uppercase.
    public static string Normalize(string value) => value.ToUpperInvariant();
}
