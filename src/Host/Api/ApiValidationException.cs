namespace ServiceWindow.Host.Api;

/// Input refused before anything ran: each problem keyed by the JSON path (or header, or query
/// parameter) it is about, with its message already in the request's language.
public sealed class ApiValidationException : Exception
{
    public ApiValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("the request is invalid: " + string.Join("; ", errors.Keys))
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
    }

    public ApiValidationException(string path, string message)
        : this(new Dictionary<string, string[]> { [path] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
