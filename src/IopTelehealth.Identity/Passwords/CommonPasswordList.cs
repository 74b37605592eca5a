using System.Collections.Frozen;
using System.Reflection;

namespace IopTelehealth.Identity.Passwords;

/// <summary>The shipped list of common passwords and base words, loaded once from the embedded resource.</summary>
public sealed class CommonPasswordList
{
    private readonly FrozenSet<string> _entries;

    public CommonPasswordList(IEnumerable<string> entries) =>
        _entries = entries.Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0 && !e.StartsWith('#')).ToFrozenSet(StringComparer.Ordinal);

    public static CommonPasswordList Shipped { get; } = Load();

    public int Count => _entries.Count;

    public bool Contains(string candidate) => _entries.Contains(candidate.ToLowerInvariant());

    private static CommonPasswordList Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded common-passwords.txt resource is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return new CommonPasswordList(lines);
    }
}
