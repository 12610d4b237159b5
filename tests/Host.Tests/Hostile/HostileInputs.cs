namespace ServiceWindow.Host.Tests.Hostile;

/// Text fragments an attacker or a careless import would put into any text field.
public static class HostileInputs
{
    public static readonly string[] Fragments =
    [
        "'; drop table cases; --",
        "\" or 1=1 --",
        "1'); delete from case_history where ('1'='1",
        "$$; truncate users; $$",
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "{{7*7}}${7*7}",
        "../../../../etc/passwd",
        "\u0000nul",
        "\u202eRTL override",
        "𝕏😀 astral",
        new string('长', 5000),
    ];

    public static TheoryData<string> FragmentData()
    {
        var data = new TheoryData<string>();
        foreach (var fragment in Fragments)
        {
            data.Add(fragment);
        }
        return data;
    }

    /// A JSON array nested this deep, opened and closed.
    public static string Nested(int depth) => new string('[', depth) + new string(']', depth);
}
