using Microsoft.Extensions.Options;

namespace IopTelehealth.Media.Janus.Options;

/// <summary>Refuses a configuration that cannot work, naming the key, so the server fails at start (ValidateOnStart).</summary>
public sealed class JanusMediaOptionsValidator : IValidateOptions<JanusMediaOptions>
{
    public const int MinEventsSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, JanusMediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var prefix = JanusMediaOptions.Section;
        if (options.Nodes.Count == 0)
        {
            failures.Add($"{prefix}:Nodes must list at least one Janus node.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Nodes.Count; i++)
        {
            var node = options.Nodes[i];
            var key = $"{prefix}:Nodes:{i}";
            if (!Uri.TryCreate(node.Url, UriKind.Absolute, out var uri) || (uri.Scheme != "ws" && uri.Scheme != "wss"))
            {
                failures.Add($"{key}:Url must be a ws:// or wss:// URL.");
            }

            if (string.IsNullOrWhiteSpace(node.ApiSecret))
            {
                failures.Add($"{key}:ApiSecret is required (Janus's api_secret).");
            }

            if (string.IsNullOrWhiteSpace(node.AdminKey))
            {
                failures.Add($"{key}:AdminKey is required (the VideoRoom admin_key).");
            }

            if (!names.Add(node.DisplayName))
            {
                failures.Add($"{key}:Name must be unique (\"{node.DisplayName}\" is used twice).");
            }
        }

        if (options.EventsSecret is { } secret && secret.Length < MinEventsSecretLength)
        {
            failures.Add($"{prefix}:EventsSecret must be at least {MinEventsSecretLength} characters.");
        }

        if (options.PublisherBitrate < 32_000)
        {
            failures.Add($"{prefix}:PublisherBitrate must be at least 32000.");
        }

        if (options.NegotiationTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}:NegotiationTimeout must be positive.");
        }

        if (options.KeepaliveInterval <= TimeSpan.Zero || options.KeepaliveInterval > TimeSpan.FromSeconds(25))
        {
            failures.Add($"{prefix}:KeepaliveInterval must be between 0 and 25 s (Janus drops silent sessions).");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}:RequestTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
