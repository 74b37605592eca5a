using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Server.Media;

/// <summary>Media DTOs ↔ domain values. Wire input is untrusted: nulls and unknown words become invalid-* refusals.</summary>
internal static class MediaViews
{
    public static MediaSetupDto Setup(MediaSetup setup) => new(
        setup.Mode == MediaMode.Sfu ? WireMediaModes.Sfu : WireMediaModes.Mesh,
        setup.IceServers.Select(s => new IceServerDto([.. s.Urls], s.Username, s.Credential)).ToArray(),
        setup.MeshSizeLimit,
        setup.MaxSdpBytes);

    public static SessionDescription? Description(SdpDto? dto) =>
        dto is { Type: { } type, Sdp: { } sdp } ? new SessionDescription(type, sdp) : null;

    public static IceCandidate? Candidate(IceCandidateDto? dto) =>
        dto is { Candidate: { } candidate } ? new IceCandidate(candidate, dto.SdpMid, dto.SdpMLineIndex) : null;

    public static MediaLeg Leg(string? leg) => leg switch
    {
        WireMediaLegs.Publisher => MediaLeg.Publisher,
        WireMediaLegs.Subscriber => MediaLeg.Subscriber,
        _ => throw new RoomException(RoomErrors.InvalidArgument, "leg is \"publisher\" or \"subscriber\"."),
    };

    public static MeshSignal Signal(MeshSignalDto? dto) => dto?.Kind switch
    {
        WireSignalKinds.Offer => new MeshSignal(MeshSignalKind.Offer, Description(dto.Description), null),
        WireSignalKinds.Answer => new MeshSignal(MeshSignalKind.Answer, Description(dto.Description), null),
        WireSignalKinds.Candidate => new MeshSignal(MeshSignalKind.Candidate, null, Candidate(dto.Candidate)),
        _ => throw new RoomException(RoomErrors.InvalidArgument, "A signal's kind is \"offer\", \"answer\" or \"candidate\"."),
    };

    public static MeshSignalDto Signal(MeshSignal signal) => signal.Kind switch
    {
        MeshSignalKind.Offer or MeshSignalKind.Answer => new MeshSignalDto(
            signal.Kind == MeshSignalKind.Offer ? WireSignalKinds.Offer : WireSignalKinds.Answer, Sdp(signal.Description!), null),
        _ => new MeshSignalDto(WireSignalKinds.Candidate, null,
            new IceCandidateDto(signal.Candidate!.Candidate, signal.Candidate.SdpMid, signal.Candidate.SdpMLineIndex)),
    };

    public static SdpDto Sdp(SessionDescription description) => new(description.Type, description.Sdp);
}
