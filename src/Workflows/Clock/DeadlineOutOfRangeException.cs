using System;
using System.Globalization;

namespace ServiceWindow.Workflows.Clock;

/// <summary>
/// A deadline the calendar cannot represent: a start or due instant past the last date .NET counts
/// (9999-12-31), or a limit over <see cref="TimeLimit.MaxAmount"/> units. The message names the cap and is
/// meant to be shown as it is.
/// </summary>
public sealed class DeadlineOutOfRangeException : ArgumentOutOfRangeException
{
    private readonly string text;
    private readonly string paramName;

    /// <summary>Creates the exception for the argument <paramref name="paramName"/>; the cap is added to <paramref name="message"/>.</summary>
    public DeadlineOutOfRangeException(string paramName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paramName);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        this.paramName = paramName;
        text = string.Create(CultureInfo.InvariantCulture,
            $"{message}: dates run to 9999-12-31 and a time limit is at most {TimeLimit.MaxAmount:N0} units");
    }

    /// <summary>The message with the cap, without the parameter suffix the base class adds.</summary>
    public override string Message => text;

    /// <inheritdoc />
    public override string ParamName => paramName;
}
