namespace ServiceWindow.Host.Api.Applicants;

/// How ID numbers and phones show where their full value is not needed: the region and the last
/// four of an ID number (`110101********1234`), the network and the last four of a phone (`138****5678`).
public static class PersonalDataMask
{
    public static string? IdNumber(string? value) =>
        value is null ? null : value.Length < 10 ? new string('*', value.Length) : value[..6] + new string('*', value.Length - 10) + value[^4..];

    public static string? Phone(string? value) =>
        value is null ? null : value.Length < 7 ? new string('*', value.Length) : value[..3] + new string('*', value.Length - 7) + value[^4..];
}
