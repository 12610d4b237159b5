namespace ServiceWindow.Host.Api;

/// Collects input problems by path and throws them together, so a caller fixes everything at once.
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    public void Add(string path, string message)
    {
        if (!errors.TryGetValue(path, out var list))
        {
            errors[path] = list = [];
        }
        list.Add(message);
    }

    /// Checks a required text and its length; returns the trimmed value, or null after recording why not.
    public string? Text(string path, string? value, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, ApiText.Get("validation.required"));
            return null;
        }
        var trimmed = value.Trim();
        if (trimmed.Length < min || trimmed.Length > max)
        {
            Add(path, ApiText.Get("validation.length", min, max));
            return null;
        }
        // PostgreSQL cannot store U+0000 in text or jsonb, and no field needs other control characters.
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
        {
            Add(path, ApiText.Get("validation.control"));
            return null;
        }
        return trimmed;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new ApiValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}
