namespace ServiceWindow.Workflows.Clock;

/// <summary>The two deadlines a case clock tracks.</summary>
public enum DeadlineKind
{
    /// <summary>The published promise (承诺时限).</summary>
    Promised,

    /// <summary>The legal limit (法定时限).</summary>
    Statutory,
}
