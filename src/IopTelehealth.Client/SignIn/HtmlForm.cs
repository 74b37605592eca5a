using System.Net;
using System.Text.RegularExpressions;

namespace IopTelehealth.Client.SignIn;

/// <summary>A form found in a page: where it posts and the values of its inputs, as a browser would submit them.</summary>
public sealed partial record HtmlForm(string Action, Dictionary<string, string> Fields)
{
    public static IReadOnlyList<HtmlForm> All(string html) =>
        [.. FormPattern().Matches(html).Select(m => new HtmlForm(
            WebUtility.HtmlDecode(m.Groups["action"].Value),
            InputPattern().Matches(m.Groups["body"].Value)
                .GroupBy(i => WebUtility.HtmlDecode(i.Groups["name"].Value))
                .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value))))];

    public static HtmlForm Posting(string html, string actionContains) =>
        All(html).FirstOrDefault(f => f.Action.Contains(actionContains, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No form posting to '{actionContains}' in the page:\n{html[..Math.Min(html.Length, 2000)]}");

    public HtmlForm With(string name, string value)
    {
        var fields = new Dictionary<string, string>(Fields) { [name] = value };
        return this with { Fields = fields };
    }

    [GeneratedRegex("""<form[^>]*?method="post"[^>]*?action="(?<action>[^"]*)"[^>]*>(?<body>.*?)</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input[^>]*?name="(?<name>[^"]+)"(?:[^>]*?value="(?<value>[^"]*)")?[^>]*>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();
}
