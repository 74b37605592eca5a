using System.Collections.Concurrent;
using IopTelehealth.Client;
using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Domain.Media;
using IopTelehealth.Testing;

namespace IopTelehealth.Server.Tests.Media;

/// <summary>Signals as the mesh relay carries them, and what each client received.</summary>
internal static class MeshSignals
{
    public static MeshSignalDto Offer(string? sdp = null) => new(WireSignalKinds.Offer, new SdpDto("offer", sdp ?? TestSdp.Offer().Sdp), null);

    public static MeshSignalDto Answer(string? sdp = null) => new(WireSignalKinds.Answer, new SdpDto("answer", sdp ?? TestSdp.AnswerTo(TestSdp.Offer()).Sdp), null);

    public static MeshSignalDto Candidate(string candidate) => new(WireSignalKinds.Candidate, null, new IceCandidateDto(candidate, "0", 0));

    public static SdpDto Sdp(SessionDescription description) => new(description.Type, description.Sdp);

    /// <summary>Everything <paramref name="client"/> receives through Signal, in order.</summary>
    public static ConcurrentQueue<(string From, MeshSignalDto Signal)> Record(this RoomClient client)
    {
        var received = new ConcurrentQueue<(string, MeshSignalDto)>();
        client.SignalReceived += (from, signal) => received.Enqueue((from, signal));
        return received;
    }
}
