using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Media;

public enum MeshSignalKind
{
    Offer = 0,
    Answer = 1,
    Candidate = 2,
}

/// <summary>A mesh offer, answer or ICE candidate from one browser to another, relayed by the server after checks.</summary>
public sealed record MeshSignal(MeshSignalKind Kind, SessionDescription? Description, IceCandidate? Candidate)
{
    /// <summary>Refuses anything the relay must not pass on: a missing or malformed SDP or candidate, a forbidden address.</summary>
    public void Check(bool allowLoopbackCandidates)
    {
        switch (Kind)
        {
            case MeshSignalKind.Offer:
                SdpGuard.Check(Description, "offer");
                break;
            case MeshSignalKind.Answer:
                SdpGuard.Check(Description, "answer");
                break;
            case MeshSignalKind.Candidate:
                CandidateGuard.Check(Candidate, allowLoopbackCandidates);
                break;
            default:
                throw new RoomException(RoomErrors.InvalidArgument, "A signal is an offer, an answer or a candidate.");
        }
    }
}
