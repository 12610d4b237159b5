namespace ServiceWindow.Host.Api.Applicants;

/// A mainland mobile number: 11 digits, `1` then `3`–`9`. A `+86` or `86` prefix is dropped.
public static class MobileNumber
{
    public static string? Normalize(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var digits = value.Trim();
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        return digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
