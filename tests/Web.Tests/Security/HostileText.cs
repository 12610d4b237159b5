namespace ServiceWindow.Web.Tests.Security;

/// The text the security checks plant wherever a person can type: if any page wrote it into the
/// HTML unescaped, the browser would build a script element from it (and, without the policy, run it).
public static class HostileText
{
    public const string Script = "<script>alert(1)</script>";
}
