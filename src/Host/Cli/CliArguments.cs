namespace ServiceWindow.Host.Cli;

/// `--name value` and `--flag` options plus positional words, parsed once per command.
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    public CliArguments(IReadOnlyList<string> arguments, IReadOnlySet<string> flags)
    {
        var positional = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i];
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(word);
                continue;
            }
            var name = word[2..];
            string? value = null;
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (!flags.Contains(name))
            {
                if (i + 1 >= arguments.Count)
                {
                    throw new CliUsageException($"option --{name} needs a value");
                }
                value = arguments[++i];
            }
            if (!options.TryAdd(name, value))
            {
                throw new CliUsageException($"option --{name} given twice");
            }
        }
        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    public string Required(string name) =>
        Optional(name) ?? throw new CliUsageException($"missing --{name}");

    public string? Optional(string name)
    {
        read.Add(name);
        return options.TryGetValue(name, out var value) ? value : null;
    }

    public bool Flag(string name)
    {
        read.Add(name);
        return options.ContainsKey(name);
    }

    /// Call after reading every option the command knows, so a typo is an error rather than ignored.
    public void RefuseUnknown()
    {
        var unknown = options.Keys.Where(k => !read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"unknown option --{unknown[0]}");
        }
    }
}
