namespace IopTelehealth.Domain.Media;

/// <summary>
/// Media configuration (section <c>Media</c>): STUN/TURN servers handed to browsers, the TURN shared secret for
/// short-lived credentials, and the mesh size limit. The SFU's own settings live with its adapter (<c>Media:Janus</c>).
/// </summary>
public sealed class MediaSettings
{
    public const string Section = "Media";

    public const int DefaultMeshSizeLimit = 6;

    /// <summary>Mesh mode: most participants present in one room (each browser sends to every other one).</summary>
    public int MeshSizeLimit { get; set; } = DefaultMeshSizeLimit;

    /// <summary>STUN (and statically configured TURN) servers, as browsers take them.</summary>
    public List<IceServerSettings> IceServers { get; set; } = [];

    public TurnSettings Turn { get; set; } = new();

    /// <summary>Accept ICE candidates on 127.0.0.0/8 and ::1 (tests only; production refuses the setting).</summary>
    public bool AllowLoopbackCandidates { get; set; }
}

public sealed class IceServerSettings
{
    public List<string> Urls { get; set; } = [];

    public string? Username { get; set; }

    public string? Credential { get; set; }
}

/// <summary>A TURN server with coturn's <c>use-auth-secret</c>: every participant gets its own expiring login.</summary>
public sealed class TurnSettings
{
    public const int MinSecretLength = 32;

    /// <summary>turn: / turns: URLs of the TURN server(s); empty means no TURN.</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>coturn's <c>static-auth-secret</c>.</summary>
    public string? Secret { get; set; }

    public TimeSpan CredentialLifetime { get; set; } = TurnCredentials.DefaultLifetime;

    public bool Enabled => Urls.Count > 0 && !string.IsNullOrEmpty(Secret);
}
