using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Media;

/// <summary>An ICE server as a browser takes it (RTCIceServer).</summary>
public sealed record IceServer(IReadOnlyList<string> Urls, string? Username, string? Credential);

/// <summary>How one participant exchanges media: the mode, the ICE servers (with their own TURN login) and the limits.</summary>
public sealed record MediaSetup(MediaMode Mode, IReadOnlyList<IceServer> IceServers, int MeshSizeLimit, int MaxSdpBytes)
{
    public static MediaSetup For(MediaMode mode, MediaSettings settings, ParticipantId participantId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var servers = settings.IceServers.Where(s => s.Urls.Count > 0).Select(s => new IceServer([.. s.Urls], s.Username, s.Credential)).ToList();
        if (settings.Turn.Enabled)
        {
            var login = TurnCredentials.Create(settings.Turn.Secret!, participantId, now, settings.Turn.CredentialLifetime);
            servers.Add(new IceServer([.. settings.Turn.Urls], login.Username, login.Password));
        }

        return new MediaSetup(mode, servers, settings.MeshSizeLimit, SessionDescription.MaxBytes);
    }
}
