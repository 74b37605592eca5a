namespace IopTelehealth.Contracts.Rooms;

/// <summary>
/// How this participant's browser exchanges media, from the join reply. <paramref name="Mode"/> is a <see cref="WireMediaModes"/>
/// value; <paramref name="IceServers"/> include short-lived TURN credentials for this participant when TURN is configured.
/// </summary>
public sealed record MediaSetupDto(string Mode, IceServerDto[] IceServers, int MeshSizeLimit, int MaxSdpBytes);

/// <summary>An RTCIceServer as the browser takes it.</summary>
public sealed record IceServerDto(string[] Urls, string? Username, string? Credential);

/// <summary>An RTCSessionDescription: <paramref name="Type"/> is "offer" or "answer".</summary>
public sealed record SdpDto(string Type, string Sdp);

/// <summary>An RTCIceCandidate; an empty <paramref name="Candidate"/> means the browser finished gathering.</summary>
public sealed record IceCandidateDto(string Candidate, string? SdpMid, int? SdpMLineIndex);

/// <summary>
/// Mesh signaling relayed by the server between two admitted participants of one room. <paramref name="Kind"/> is a
/// <see cref="WireSignalKinds"/> value; offer/answer carry <paramref name="Description"/>, candidate carries <paramref name="Candidate"/>.
/// </summary>
public sealed record MeshSignalDto(string Kind, SdpDto? Description, IceCandidateDto? Candidate);

public static class WireMediaModes
{
    /// <summary>Through the server's SFU (Janus): publish once, subscribe to everyone on one connection.</summary>
    public const string Sfu = "sfu";

    /// <summary>Browser to browser, signaling relayed by the hub; rooms up to <see cref="MediaSetupDto.MeshSizeLimit"/>.</summary>
    public const string Mesh = "mesh";
}

/// <summary>Which of the participant's two SFU connections an ICE candidate belongs to.</summary>
public static class WireMediaLegs
{
    public const string Publisher = "publisher";
    public const string Subscriber = "subscriber";
}

public static class WireSignalKinds
{
    public const string Offer = "offer";
    public const string Answer = "answer";
    public const string Candidate = "candidate";
}
