namespace IopTelehealth.Media.Janus.Options;

/// <summary>One Janus node (configuration <c>Media:Janus:Nodes:N</c>). The secrets never leave the server.</summary>
public sealed class JanusNodeOptions
{
    /// <summary>Optional name for logs and the room directory; the URL when empty. Must be the same on every server node.</summary>
    public string? Name { get; set; }

    /// <summary>The WebSocket API, e.g. <c>ws://127.0.0.1:8188/</c>.</summary>
    public string Url { get; set; } = "";

    /// <summary>Janus's <c>api_secret</c>: every request carries it.</summary>
    public string ApiSecret { get; set; } = "";

    /// <summary>The VideoRoom plugin's <c>admin_key</c>: needed to create rooms (and to list private ones).</summary>
    public string AdminKey { get; set; } = "";

    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Url : Name;

    public Uri Uri => new(Url, UriKind.Absolute);
}
